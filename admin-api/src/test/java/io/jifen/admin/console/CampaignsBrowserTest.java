package io.jifen.admin.console;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.AriaRole;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The Campaigns page in a real browser. The merchant runs the reference program, whose spend-threshold
 * bonuses (100 / 250 / 600 points from 500 / 1000 / 2000 yuan) name the year-end campaign; the campaign
 * has a total budget of 1,000 points and 600 a day. Three purchases in November 2026 spend it: 600 on the
 * 5th, 250 on the 12th, and on the 20th the last 150 (a 250 bonus trimmed). A member redeems one of its
 * mall items. Marketing sees the list and the campaign's page, defines a campaign through the form (a
 * window ending before it starts refused at its field, a taken code refused readably), edits it, downloads
 * the CSV and reads the page in Chinese; QA reads without create or edit controls.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignsBrowserTest extends ConsoleBrowser {
    private static final Map<String, String> STATUS = Map.of("SCHEDULED", "Scheduled", "RUNNING", "Running",
            "EXHAUSTED", "Budget exhausted", "ENDED", "Ended");

    @Override
    protected Shop seed() {
        Shop shop = newShop("campaigns", Map.of("tiers", Map.of("order", List.of("REGULAR", "SILVER", "GOLD"),
                "periodMonths", 12)));
        activateNow(shop, upload(shop, "reference program", f -> f));
        item(shop, "TEA-VOUCHER", "Tea voucher", "VIRTUAL", 500, Map.of("codeSource", "GENERATED"));
        item(shop, "RICE-COOKER", "Rice cooker 3 l", "PHYSICAL", 3000, Map.of("stock", 20));
        as(shop.marketing()).body(Map.of("code", "year-end", "name", "Year-end campaign",
                        "theme", "Big baskets before the new year", "startsAt", "2026-11-01T00:00", "endsAt", "2027-01-01T00:00",
                        "budget", Map.of("total", 1000, "perDay", 600, "whenExhausted", "TRIM"), "items", List.of("TEA-VOUCHER")))
                .post(shop.path("/campaigns")).then().statusCode(201);
        purchase(shop, "ann-1", "ann", "2026-11-05T04:00:00Z", "2000.00"); // +600 bonus: the day's budget
        purchase(shop, "bob-1", "bob", "2026-11-12T04:00:00Z", "1000.00"); // +250
        purchase(shop, "cai-1", "cai", "2026-11-20T04:00:00Z", "1000.00"); // 250, trimmed to the 150 left
        as(shop.integrator()).body(Map.of("redemptionId", "ann-tea", "sku", "TEA-VOUCHER"))
                .post(shop.path("/members/ann/redemptions")).then().statusCode(201);
        return shop;
    }

    private static void item(Shop shop, String sku, String name, String type, long points, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", name, "type", type,
                "basePoints", points, "category", "gifts", "imageUrl", "https://img.example/" + sku + ".png"));
        body.putAll(more);
        as(shop.marketing()).body(body).post(shop.path("/mall/items")).then().statusCode(201);
    }

    private static String grouped(Number n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    @Test
    void marketingSeesTheBudgetSpentDefinesACampaignAndReadsTheYearEndFigures() throws IOException {
        Map<String, Object> api = as(shop.qa()).get(shop.path("/campaigns/year-end/metrics")).then().statusCode(200)
                .body("awarded", equalTo(1000)).body("left", equalTo(0)).body("participants", equalTo(3))
                .extract().as(Map.class);
        String status = (String) api.get("status");

        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-campaigns").click();
        expect(heading("Campaigns")).isVisible();
        expect(testId("status-year-end")).hasText(STATUS.get(status));
        expect(testId("budget-year-end")).hasText("1,000 of 1,000 · exhausted");
        expect(testId("budget-year-end").locator("progress")).hasAttribute("value", "1000");
        expect(testId("participants-year-end")).hasText("3");
        expect(testId("campaign-row-year-end")).containsText("1 Nov 2026, 00:00 – 1 Jan 2027, 00:00");
        screenshot("campaigns-list");

        // a new campaign through the form: first with its window backwards
        testId("campaign-create").click();
        expect(heading("New campaign")).isVisible();
        expect(testId("campaign-form")).containsText("merchant-local wall-clock time in Asia/Shanghai");
        field("Code").fill("spring-fresh");
        field("Name").fill("Spring freshness");
        field("Theme (optional)").fill("Fruit and vegetables in March");
        field("Starts at").fill("2030-03-01T00:00");
        field("Ends at").fill("2030-02-01T00:00");
        testId("tier-SILVER").check();
        testId("tier-GOLD").check();
        field("Total budget (points)").fill("5000");
        field("Budget per member (points)").fill("300");
        field("Budget per day (points)").fill("1000");
        page.locator("input[type=radio][value=REFUSE]").check();
        testId("item-RICE-COOKER").check();
        button("Save the campaign").click();
        expect(testId("problem")).containsText("The request was refused");
        expect(testId("error-endsAt")).hasText("must be after startsAt");
        expect(field("Ends at")).hasAttribute("aria-invalid", "true");
        assertThat(testId("problem").innerText()).doesNotContain("{").doesNotContain("\"status\"");
        screenshot("campaign-form-error");
        as(shop.qa()).get(shop.path("/campaigns/spring-fresh")).then().statusCode(404); // nothing stored

        field("Ends at").fill("2030-04-01T00:00");
        button("Save the campaign").click();
        expect(testId("campaign-saved")).hasText("Campaign spring-fresh saved.");
        expect(testId("campaign-status")).hasText("Scheduled");
        expect(testId("campaign-window")).hasText("1 Mar 2030, 00:00 – 1 Apr 2030, 00:00");
        expect(testId("campaign-audience")).hasText("tiers SILVER, GOLD");
        expect(testId("campaign-per-member")).hasText("at most 300 points per member");
        expect(testId("campaign-items")).hasText("RICE-COOKER");
        expect(testId("chart-campaign-points")).hasText("The campaign has awarded no points yet.");
        as(shop.qa()).get(shop.path("/campaigns/spring-fresh")).then().statusCode(200)
                .body("startsAt", startsWith("2030-03-01T00:00")).body("audience.tiers", contains("SILVER", "GOLD"))
                .body("budget.total", equalTo(5000)).body("budget.perDay", equalTo(1000))
                .body("budget.whenExhausted", equalTo("REFUSE")).body("items", contains("RICE-COOKER"));

        // edited: the daily budget raised
        testId("campaign-edit").click();
        expect(heading("Edit campaign spring-fresh")).isVisible();
        expect(field("Code")).isDisabled();
        expect(field("Budget per day (points)")).hasValue("1000");
        field("Budget per day (points)").fill("1200");
        button("Save the campaign").click();
        expect(testId("campaign-per-day")).hasText("at most 1,200 points per merchant-local day");
        as(shop.qa()).get(shop.path("/campaigns/spring-fresh")).then().body("budget.perDay", equalTo(1200));

        // the same code again: a conflict, said in a sentence at the code
        page.getByText("All campaigns").click();
        expect(testId("campaign-list").locator("tbody tr")).hasCount(2);
        testId("campaign-create").click();
        field("Code").fill("spring-fresh");
        field("Name").fill("Spring again");
        field("Starts at").fill("2030-03-01T00:00");
        field("Ends at").fill("2030-04-01T00:00");
        button("Save the campaign").click();
        expect(testId("problem")).containsText("Conflict");
        expect(page.locator("#cerr-code")).hasText("A campaign with the code spring-fresh exists already: choose "
                + "another code, or edit that campaign.");
        button("Cancel").click();

        // the year-end campaign's page: counters as the API has them, the days as bars
        testId("campaign-row-year-end").getByRole(AriaRole.LINK).click();
        expect(testId("campaign-status")).hasText(STATUS.get(status));
        expect(testId("metric-awarded")).hasText(grouped((Number) api.get("awarded")));
        expect(testId("metric-left")).hasText("of 1,000 · 0 left");
        expect(testId("metric-participants")).hasText(grouped((Number) api.get("participants")));
        expect(testId("metric-postings")).hasText(grouped((Number) api.get("postings")));
        expect(testId("metric-redemptions")).hasText(grouped((Number) api.get("redemptions")));
        expect(testId("metric-redeemed-points")).hasText("%s points spent on them in its window"
                .formatted(grouped((Number) api.get("redeemedPoints"))));
        // ann's tea voucher spent part of the lot her purchase made: the campaign's share of it counts as redeemed
        assertThat(((Number) api.get("awardedPointsRedeemed")).longValue()).isPositive();
        expect(testId("metric-fate")).hasText("%s redeemed · 0 expired"
                .formatted(grouped((Number) api.get("awardedPointsRedeemed"))));
        // every purchase was in the window: nothing sold before it, so no growth figure
        expect(testId("metric-sales-growth")).hasText("—");
        expect(testId("metric-sales")).hasText("no growth figure yet: nothing sold before it, or its window has not begun");
        expect(testId("chart-campaign-sales").locator("rect.before")).hasAttribute("width", "0");
        expect(testId("chart-campaign-sales").locator("rect.during")).hasAttribute("width", "100");
        expect(testId("campaign-per-day")).hasText("at most 600 points per merchant-local day");
        var points = testId("chart-campaign-points");
        expect(points.locator("rect.bar[data-day='2026-11-01']")).hasAttribute("data-value", "0"); // the window's first day
        expect(points.locator("rect.bar[data-day='2026-11-05']")).hasAttribute("data-value", "600");
        expect(points.locator("rect.bar[data-day='2026-11-12']")).hasAttribute("data-value", "250");
        expect(points.locator("rect.bar[data-day='2026-11-20']")).hasAttribute("data-value", "150");
        expect(points.locator("rect.bar:not([data-value='0'])")).hasCount(3);
        expect(points.locator("line.limit")).hasAttribute("data-value", "600");
        // the day at the budget reaches the line: same height
        assertThat(points.locator("rect.bar[data-day='2026-11-05']").getAttribute("y"))
                .isEqualTo(points.locator("line.limit").getAttribute("y1"));
        var joined = testId("chart-campaign-participants");
        expect(joined.locator("rect.bar:not([data-value='0'])")).hasCount(3);
        expect(joined.locator("rect.bar[data-day='2026-11-20']")).hasAttribute("data-value", "1");
        expect(testId("campaign-rules-help")).containsText("@campaign(\"year-end\")");
        expect(testId("campaign-rules-help")).containsText("belongs to campaign year-end");
        screenshot("campaign-page");

        // the CSV, fetched with the key and handed over as a file (no bare link to the API)
        Download download = page.waitForDownload(() -> testId("campaign-csv").click());
        assertThat(download.url()).startsWith("blob:");
        assertThat(download.suggestedFilename()).isEqualTo("campaign-year-end.csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo(as(shop.qa()).get(shop.path("/campaigns/year-end/metrics.csv")).then().statusCode(200)
                .extract().asString());
        assertThat(csv).startsWith("day,awarded,postings,new_participants,redeemed,expired\n")
                .contains("2026-11-05,600,1,1,0,0\n").contains("2026-11-20,150,1,1,0,0\n");

        // in Chinese
        page.getByLabel("Language").selectOption("zh");
        expect(heading("营销活动")).isVisible();
        expect(heading("效果")).isVisible();
        expect(heading("每日发放积分")).isVisible();
        expect(heading("规则如何加入本活动")).isVisible();
        expect(testId("metric-sales")).hasText("暂无增长数据：活动前没有销售，或活动尚未开始");
        expect(button("下载每日数据（CSV）")).isVisible();
        expect(testId("metric-left")).hasText("共 1,000 · 剩余 0");
        screenshot("campaign-zh");
    }

    @Test
    void qaReadsTheCampaignsWithoutCreateOrEditControls() {
        signIn(shop.qa());
        testId("nav-campaigns").click();
        expect(heading("Campaigns")).isVisible();
        expect(testId("campaigns-read-only")).isVisible();
        expect(testId("budget-year-end")).hasText("1,000 of 1,000 · exhausted");
        expect(testId("campaign-create")).hasCount(0);
        testId("campaign-row-year-end").getByRole(AriaRole.LINK).click();
        expect(testId("metric-awarded")).hasText("1,000");
        expect(testId("campaign-edit")).hasCount(0);
        // the form's address opens the campaign's page for QA, not the form
        page.navigate(root + "console/#/campaigns?campaign=year-end&edit=1");
        expect(testId("metric-awarded")).hasText("1,000");
        expect(testId("campaign-form")).hasCount(0);
        as(shop.qa()).body(Map.of("code", "qa-try", "name", "x", "startsAt", "2030-01-01T00:00", "endsAt", "2030-02-01T00:00"))
                .post(shop.path("/campaigns")).then().statusCode(403);
    }
}
