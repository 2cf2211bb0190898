package io.jifen.admin.console;

import com.microsoft.playwright.Locator;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static io.jifen.admin.support.Api.as;

/**
 * The workbench pages that read and evaluate without changing the program: comparing two versions,
 * trying a purchase on two versions side by side, and looking a member up — each in a real browser
 * against a merchant whose version 2 triples member-day points where the live version 1 doubles them.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchReadingPagesBrowserTest extends ConsoleBrowser {
    static final String MEMBER = "m-lookup-1";

    @Override
    protected Shop seed() {
        Shop shop = newShop("reading");
        activateNow(shop, upload(shop, "reference program", f -> f));
        upload(shop, "member day triples points", tripleMemberDay());
        // a member with history: enrolled GOLD by the first purchase (auto-enrol), then two purchases on version 1
        purchase(shop, "p-1", MEMBER, "2026-03-09T04:00:00Z", "100.00");
        purchase(shop, "p-2", MEMBER, "2026-03-10T04:00:00Z", "120.00");
        as(shop.integrator()).body(Map.of("attributes", Map.of("city", "Shanghai", "channel", "APP")))
                .put(shop.path("/members/" + MEMBER)).then().statusCode(200);
        return shop;
    }

    static UnaryOperator<RuleFile> tripleMemberDay() {
        return f -> f.name().equals("member-day.dslr")
                ? RuleFile.text(f.name(), f.text().replace("Multiply the base points by 2", "Multiply the base points by 3"))
                : f;
    }


    @Test
    void marketingComparesTheLiveVersionWithTheDraftRuleByRuleAndSideBySide() {
        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-compare").click();
        expect(heading("Compare versions")).isVisible();
        // opened on live (1) against the newest other version (2), compared at once
        expect(testId("compare-summary")).containsText("1 rules changed, 0 added, 0 removed");
        expect(testId("compare-summary")).containsText("1 files differ");
        expect(testId("rule-changed")).hasCount(1);
        expect(testId("rule-changed")).containsText("member day: double points on the 10th");
        expect(testId("rule-changed").locator("[data-kind=changed]")).containsText("Multiply the base points by 3");
        expect(testId("rule-changed").locator("[data-kind=changed] .left")).containsText("by 2");
        screenshot("compare-rules");

        testId("side-by-side-member-day.dslr").click();
        expect(testId("file-changes").locator("[data-kind=changed]")).hasCount(1);
        expect(testId("file-changes").locator("[data-kind=changed] .right")).containsText("by 3");
        screenshot("compare-files");

        // swapped, the same change reads the other way round
        button("Swap the two versions").click();
        expect(page).hasURL(Pattern.compile("a=2&b=1"));
        expect(testId("rule-changed").locator("[data-kind=changed] .left")).containsText("by 3");
    }

    @Test
    void qaTriesAMemberDayPurchaseOnBothVersionsSideBySide() {
        signIn(shop.qa());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-tryIt").click();
        expect(heading("Try it")).isVisible();
        testId("try-with").selectOption("2");
        field("Member id").fill("try-new-member");
        field("When").fill("2026-03-10T12:00");
        field("SKU, line 1").fill("RICE-5KG");
        field("Unit price, line 1").fill("60.00");
        field("Quantity, line 1").fill("2");
        expect(testId("purchase-total")).hasText("Total: 120.00 CNY");
        button("Dry-run").click();

        // the reference program: 120 base, member day doubles (+120) on version 1, triples (+240) on version 2
        expect(testId("result-1").getByTestId("total-points")).hasText("240");
        expect(testId("result-2").getByTestId("total-points")).hasText("360");
        expect(testId("try-difference")).hasText("Version 2 gives 120 points more than version 1.");
        expect(testId("result-2").getByTestId("award").filter(new Locator.FilterOptions()
                .setHasText("member day: double points on the 10th"))).containsText("240");
        expect(testId("result-2").locator("tr.differs")).hasCount(1);
        screenshot("try-it");

        // nothing was posted: the member does not exist
        as(shop.qa()).get(shop.path("/members/try-new-member")).then().statusCode(404);
    }

    @Test
    void qaLooksUpAMemberAndReadsWhyEveryEntryIsThere() {
        signIn(shop.qa());
        expect(testId("live-version")).hasText("Version 1");
        testId("nav-members").click();
        field("Member id").fill("nobody-here");
        button("Look up").click();
        expect(testId("problem")).containsText("No member nobody-here in this program.");

        field("Member id").fill(MEMBER);
        button("Look up").click();
        // 100 (base) + 240 (120 base doubled on member day, the 10th)
        expect(testId("member-balance")).hasText("340");
        expect(testId("member-attributes")).containsText("city Shanghai");
        expect(testId("member-attributes")).containsText("channel APP");
        expect(testId("statement").locator("tbody tr")).hasCount(3);
        expect(testId("statement")).containsText("member day: double points on the 10th");
        expect(testId("statement")).containsText("version 1");
        expect(testId("statement")).containsText("p-2");
        screenshot("members");
    }

    @Test
    void aLongStatementShowsTwentyEntriesAndTheOlderOnesPageByPage() {
        String member = "m-lookup-long";
        as(shop.integrator()).body(Map.of()).put(shop.path("/members/" + member)).then().statusCode(201);
        for (int i = 1; i <= 45; i++) {
            as(shop.integrator()).body(Map.of("adjustmentId", "long-" + i, "points", i, "reason", "goodwill no. " + i))
                    .post(shop.path("/members/" + member + "/adjustments")).then().statusCode(201);
        }
        signIn(shop.qa());
        testId("nav-members").click();
        field("Member id").fill(member);
        button("Look up").click();
        Locator rows = testId("statement").locator("tbody tr");
        expect(rows).hasCount(20);
        expect(rows.first()).containsText("goodwill no. 45");
        button("Show older entries").click();
        expect(rows).hasCount(40);
        button("Show older entries").click();
        expect(rows).hasCount(45);
        expect(rows.last()).containsText("goodwill no. 1");
        expect(button("Show older entries")).hasCount(0);
    }
}
