package io.jifen.admin.console;

import com.microsoft.playwright.Locator;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.StoredSuiteTexts.MEMBER_DAY;
import static org.hamcrest.Matchers.equalTo;

/**
 * QA keeps the regression suites and compares versions on them; marketing releases through the suite
 * gate. The merchant's live version 1 doubles member-day points; version 2 triples them, so a suite
 * stating the doubled figure fails on version 2.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuitesAndReleaseBrowserTest extends ConsoleBrowser {
    @Override
    protected Shop seed() {
        return programWithATripledMemberDay("suites");
    }

    private static Shop programWithATripledMemberDay(String prefix) {
        Shop shop = newShop(prefix);
        activateNow(shop, upload(shop, "reference program", f -> f));
        upload(shop, "member day triples points", WorkbenchReadingPagesBrowserTest.tripleMemberDay());
        return shop;
    }

    @Test
    void qaWritesASuiteFixesAMistakeAtItsLineRunsItAndComparesTheVersionsOnIt() {
        signIn(shop.qa());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-test").click();
        expect(heading("Test suites")).isVisible();
        expect(testId("stored-suites")).hasText("No suites are stored yet.");

        button("New suite").click();
        field("Suite name").fill("member-day");
        // a misspelt key on line 7: refused at its line, nothing stored
        field("Suite (YAML)").fill(MEMBER_DAY.replace("then: {totalPoints: 240}", "thne: {totalPoints: 240}"));
        button("Save as a new revision").click();
        expect(testId("problem")).containsText("Invalid suite");
        expect(testId("problem")).containsText("scenarios[0].thne · line 7");
        screenshot("suites-error");
        as(shop.qa()).get(shop.path("/suites/member-day")).then().statusCode(404);

        field("Suite (YAML)").fill(MEMBER_DAY);
        button("Save as a new revision").click();
        expect(testId("suites-notice")).hasText("Suite member-day saved as revision 1.");
        expect(testId("stored-suites")).containsText("member-day");

        // a second scenario, saved with a note: revision 2
        field("Suite (YAML)").fill(MEMBER_DAY + """
                  - name: a 100-yuan basket the day before earns 100 points
                    when:
                      purchase: {at: "2026-03-09T12:00", lines: [{sku: RICE-5KG, category: grocery, unitPrice: 100.00}]}
                    then: {totalPoints: 100}
                """);
        field("Change note (optional)").fill("the day before too");
        button("Save as a new revision").click();
        expect(testId("suites-notice")).hasText("Suite member-day saved as revision 2.");
        expect(page.getByLabel("Revision")).containsText("Revision 2");
        expect(page.getByLabel("Revision")).containsText("the day before too");
        as(shop.qa()).get(shop.path("/suites/member-day")).then().body("revision", equalTo(2)).body("scenarios", equalTo(2));

        // run on the draft: the member-day scenario fails with its difference, the other passes
        testId("run-version").selectOption("2");
        button("Run the suites").click();
        expect(testId("run-summary")).hasText("1 passed, 1 failed of 2 scenarios in 1 suites on version 2.");
        expect(testId("failing-scenario")).hasCount(1);
        expect(testId("failing-scenario")).containsText("a 120-yuan basket on member day earns 240 points");
        expect(testId("failing-scenario")).containsText("expected 240, was 360");
        screenshot("suites-run");

        testId("cmp-a").selectOption("1");
        testId("cmp-b").selectOption("2");
        button("Compare").click();
        expect(testId("comparison-summary")).hasText("1 of 2 scenarios give another result on version 2 than on version 1.");
        expect(testId("changed-scenario")).hasCount(1);
        expect(testId("changed-scenario")).containsText("totalPoints: 240 → 360");
        screenshot("suites-compare");
    }

    @Test
    void qaChecksAVersionOnTheReleasePageButCannotRelease() {
        signIn(shop.qa());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-release").click();
        expect(heading("Release")).isVisible();
        expect(testId("release-live")).hasText("Version 1");
        expect(testId("release-qa-note")).containsText("Only marketing can release a version.");
        expect(testId("release-submit")).hasCount(0);
        expect(testId("roll-back")).hasCount(0);
        testId("check-suites").click();
        expect(testId("suite-check")).isVisible();
        // and the API says the same as the page
        as(shop.qa()).body("{}").post(shop.path("/rule-versions/2/activation")).then().statusCode(403);
    }

    @Test
    void marketingIsStoppedByTheSuiteGateReleasesAnywayWithAReasonRollsBackAndCancelsASchedule() {
        Shop own = programWithATripledMemberDay("release");
        as(own.qa()).contentType("application/yaml").body(MEMBER_DAY).put(own.path("/suites/member-day"))
                .then().statusCode(201);
        shop = own; // sign in to this merchant
        signIn(own.marketing());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-release").click();
        expect(testId("release-version")).hasValue("2"); // the newest draft is proposed

        testId("check-suites").click();
        expect(testId("suite-check")).containsText("1 of 1 scenarios fail on version 2.");
        expect(testId("suite-check")).containsText("expected 240, was 360");

        button("Activate version 2 now").click();
        Locator gate = testId("suite-gate");
        expect(gate).containsText("Version 2 was not released: stored suites fail on it.");
        expect(gate).containsText("a 120-yuan basket on member day earns 240 points");
        expect(testId("release-anyway")).isDisabled(); // no reason, no release
        screenshot("release-gate");
        as(own.qa()).get(own.path("/rule-versions/active")).then().body("number", equalTo(1));

        field("Reason for releasing anyway").fill("triple points approved for the spring festival; suite follows");
        button("Release version 2 anyway").click();
        expect(testId("release-done")).hasText("Version 2 is live. The override and its reason are in the audit log.");
        expect(testId("release-live")).hasText("Version 2");
        as(own.qa()).get(own.path("/rule-versions/active")).then().body("number", equalTo(2));
        as(own.qa()).get(own.path("/activations")).then().body("items[0].suiteGate.outcome", equalTo("OVERRIDDEN"))
                .body("items[0].suiteGate.overrideReason", equalTo("triple points approved for the spring festival; suite follows"));

        // back to version 1: the suite passes there, so the gate lets the rollback through
        button("Roll back to version 1").click();
        expect(testId("release-done")).hasText("Version 1 is live.");
        expect(testId("release-live")).hasText("Version 1");

        // a schedule, gated again (overridden), then cancelled
        page.getByLabel("At a time").check();
        field("Activate at").fill("2030-01-10T00:00");
        button("Schedule version 2").click();
        expect(testId("suite-gate")).isVisible();
        field("Reason for releasing anyway").fill("scheduled for 2030 member day");
        button("Release version 2 anyway").click();
        expect(testId("release-done")).containsText("Version 2 is scheduled for");
        expect(testId("release-scheduled")).containsText("Version 2");
        screenshot("release-scheduled");
        button("Cancel version 2").click();
        expect(testId("release-done")).containsText("The activation of version 2 at");
        expect(testId("release-scheduled")).hasText("Nothing is scheduled.");

        testId("nav-overview").click();
        expect(testId("activations")).containsText("released with 1 failing:");
        expect(testId("activations")).containsText("triple points approved for the spring festival");
        as(own.qa()).get(own.path("/audit")).then().body("items.action", Matchers.hasItem("rule-version.gate-overridden"));
        shop = null; // the next test seeds its own again
    }
}
