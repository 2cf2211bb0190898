package io.jifen.admin.console;

import com.microsoft.playwright.options.AriaRole;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.StoredSuiteTexts;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.jifen.admin.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * The journey issue 13 names, end to end in one browser session as marketing: open the live version,
 * change the member-day rule, see a typo's diagnostic at its line, fix it, run the stored suites on the
 * draft and see the expected failure, compare with live, save, schedule the activation (through the
 * suite gate, with a reason), and dry-run a purchase on the new version to see the new points.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketingJourneyBrowserTest extends ConsoleBrowser {
    /** Version 1 live; QA's member-day suite stored (it states the doubled points). */
    @Override
    protected Shop seed() {
        Shop shop = newShop("journey");
        activateNow(shop, upload(shop, "reference program", f -> f));
        as(shop.qa()).contentType("application/yaml").body(StoredSuiteTexts.MEMBER_DAY)
                .put(shop.path("/suites/member-day")).then().statusCode(201);
        return shop;
    }

    @Test
    void marketingTriplesMemberDayFromEditToAScheduledReleaseAndSeesTheNewPointsInADryRun() {
        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");

        // open the live version in the editor
        testId("nav-edit").click();
        expect(field("Start from")).hasValue("1");
        button("Start draft").click();
        expect(testId("file-list").getByRole(AriaRole.BUTTON))
                .hasCount(ReferenceProgram.RULE_FILES.size());
        button("member-day.dslr").click();
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        // change the member-day rule, with a typo: its diagnostic at line 18
        replaceLine("Multiply the base points by 2",
                "Multiply the base points by 3 as a MEMBER_DAY multipler, because member day earns triple points");
        expect(testId("problems")).containsText("member-day.dslr:18", compiledContains());
        expect(page.locator("[data-testid=inline-problem][data-line='18']")).isVisible();

        // fixed
        replaceLine("Multiply the base points by 3 as a MEMBER_DAY multipler",
                "Multiply the base points by 3 as a MEMBER_DAY multiplier, because member day earns triple points");
        expect(compileStatus()).hasText("Compiles cleanly · 32 rules", compiled());

        // the stored suites on the draft: QA's member-day scenario fails as expected (240 → 360)
        button("Run the stored suites on the draft").click();
        expect(testId("draft-run-summary")).hasText("On this draft: 0 passed, 1 failed of 1 scenarios.");
        expect(testId("draft-checks").getByTestId("failing-scenario")).containsText("expected 240, was 360");

        // compared with live: exactly the member-day rule changed
        button("Compare with the live version").click();
        expect(testId("draft-diff-summary")).hasText("Against live version 1: 1 rules changed, 0 added, 0 removed.");
        expect(testId("draft-rule-changed")).containsText("member day: double points on the 10th");
        expect(testId("draft-rule-changed").locator("[data-kind=changed] .right")).containsText("by 3");
        screenshot("edit-draft-checks");

        // saved as version 2
        field("Message").fill("member day earns triple points");
        button("Save version").click();
        expect(testId("saved")).containsText("Saved as version 2.");

        // scheduled for member day in March 2030, through the gate with a reason
        testId("link-release").click();
        expect(testId("release-version")).hasValue("2");
        page.getByLabel("At a time").check();
        field("Activate at").fill("2030-03-10T00:00");
        button("Schedule version 2").click();
        expect(testId("suite-gate")).containsText("a 120-yuan basket on member day earns 240 points");
        field("Reason for releasing anyway").fill("triple points on member day approved; QA updates the suite");
        button("Release version 2 anyway").click();
        expect(testId("release-done")).containsText("Version 2 is scheduled for");
        expect(testId("release-scheduled")).containsText("Version 2");
        as(shop.qa()).get(shop.path("/activations")).then().body("items[0].version", equalTo(2))
                .body("items[0].state", equalTo("PENDING")).body("items[0].suiteGate.outcome", equalTo("OVERRIDDEN"));

        // a dry run on the new version: 120 base + 240 member day (it was +120 on version 1)
        testId("nav-tryIt").click();
        testId("try-version").selectOption("2");
        field("When").fill("2030-03-10T12:00");
        button("Dry-run").click();
        expect(testId("result-2").getByTestId("total-points")).hasText("360");
        expect(testId("result-2")).containsText("member day earns triple points");
        screenshot("journey-try-it");
    }
}
