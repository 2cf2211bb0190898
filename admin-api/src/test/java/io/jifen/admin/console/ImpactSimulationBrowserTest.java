package io.jifen.admin.console;

import com.microsoft.playwright.assertions.LocatorAssertions;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * The impact simulation page in a real browser: marketing replays March 2026 on a draft that triples
 * member-day points and reads the report as figures, charts and tables. Three members bought on version
 * 1: two on member day (the 10th), one the day before; only the member-day purchases change, each by
 * its base points.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactSimulationBrowserTest extends ConsoleBrowser {
    @Override
    protected Shop seed() {
        Shop shop = newShop("impact");
        activateNow(shop, upload(shop, "reference program", f -> f));
        upload(shop, "member day triples points", WorkbenchReadingPagesBrowserTest.tripleMemberDay());
        purchase(shop, "ann-1", "ann", "2026-03-10T04:00:00Z", "120.00");  // member day: +120 under the draft
        purchase(shop, "bob-1", "bob", "2026-03-10T06:00:00Z", "80.00");   // member day: +80
        purchase(shop, "cai-1", "cai", "2026-03-09T04:00:00Z", "100.00");  // the day before: unchanged
        return shop;
    }


    @Test
    void marketingReplaysMarchOnTheDraftAndSeesExactlyTheMemberDayPurchasesChange() {
        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");
        // started from the release step, as a user would
        testId("nav-release").click();
        page.getByText("Simulate its impact on past transactions").click();
        expect(heading("Impact simulation")).isVisible();
        expect(testId("sim-candidate")).hasValue("2");
        field("From (first day)").fill("2026-03-01");
        field("To (last day)").fill("2026-03-31");
        button("Start the simulation").click();

        expect(testId("run-status")).hasText("Finished", new LocatorAssertions
                .HasTextOptions().setTimeout(60_000));
        expect(testId("points-change")).hasText("+200");
        expect(testId("report-summary")).containsText("500 → 700"); // 240 + 160 + 100 as posted
        expect(testId("liability-change")).hasText("2.00 CNY"); // 200 points at 0.01 CNY
        expect(testId("members-split")).hasText("2 gain, 0 lose, 1 unchanged");
        expect(testId("chart-daily")).isVisible();
        expect(testId("chart-rules")).containsText("member day: double points on the 10th");
        expect(testId("chart-rules")).containsText("+200");
        expect(testId("chart-histogram")).isVisible();
        expect(testId("top-changes").locator("tbody tr")).hasCount(2);
        expect(testId("top-changes")).containsText("ann-1");
        expect(testId("top-changes")).containsText("bob-1");
        screenshot("impact");

        // the same figures through the API
        int run = as(shop.qa()).get(shop.path("/simulations")).then().extract().path("items[0].id");
        as(shop.qa()).get(shop.path("/simulations/" + run)).then()
                .body("report.points.change", equalTo(200)).body("report.members.gaining", equalTo(2));
    }

    @Test
    void theSimulationPageSpeaksChineseAndIntegratorsAreRefusedByTheApi() {
        signIn(shop.qa());
        page.getByLabel("Language").selectOption("zh");
        testId("nav-impact").click();
        expect(heading("影响模拟")).isVisible();
        expect(button("开始模拟")).isVisible();
        as(shop.integrator()).get(shop.path("/simulations")).then().statusCode(403);
    }

    @Test
    void aDraftWhoseCampaignBonusesOverrunTheBudgetShowsWhenTheBudgetWouldRunOut() {
        Shop budgeted = newShop("impact-budget");
        activateNow(budgeted, upload(budgeted, "reference program", f -> f));
        as(budgeted.marketing()).body(Map.of("code", "year-end", "name", "Year-end campaign", "startsAt", "2026-11-01T00:00",
                "endsAt", "2027-01-01T00:00", "budget", Map.of("total", 150))).post(budgeted.path("/campaigns"))
                .then().statusCode(201);
        purchase(budgeted, "ann-1", "ann", "2026-11-12T04:00:00Z", "600.00"); // + the year-end 100
        purchase(budgeted, "bob-1", "bob", "2026-11-13T04:00:00Z", "600.00"); // + the 50 left
        purchase(budgeted, "cai-1", "cai", "2026-11-14T04:00:00Z", "600.00"); // + nothing: the budget is spent
        upload(budgeted, "the same rules, a comment added", f -> f.name().equals("earning.drl")
                ? RuleFile.text(f.name(), f.text() + "\n// reviewed for the year end\n") : f);

        page.navigate(root + "console");
        fillSignIn(budgeted.code(), budgeted.marketing());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-impact").click();
        expect(testId("sim-candidate")).hasValue("2");
        field("From (first day)").fill("2026-11-01");
        field("To (last day)").fill("2026-11-30");
        button("Start the simulation").click();
        expect(testId("run-status")).hasText("Finished", new LocatorAssertions.HasTextOptions().setTimeout(60_000));

        // replayed member by member, each purchase earns its 100 again; spent in time order, the 150 run out on the 13th
        var row = testId("campaign-budgets").locator("tr[data-campaign='year-end']");
        expect(row).containsText("total 150 · per day none · 0 charged before the window");
        expect(row.locator("td[data-side='candidate']")).containsText("version 2: would award 300, keeps 150");
        expect(row.locator("td[data-side='candidate']")).containsText("150 cut by the total, 0 by the daily budget");
        expect(row.locator("td[data-side='candidate']")).containsText("the total runs out on 13 Nov 2026");
        expect(row.locator("td[data-side='baseline']")).containsText("the budgets were applied when the transactions were posted");
        screenshot("impact-campaign-budgets");
    }
}
