package io.jifen.admin.console;

import com.microsoft.playwright.assertions.LocatorAssertions;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
}
