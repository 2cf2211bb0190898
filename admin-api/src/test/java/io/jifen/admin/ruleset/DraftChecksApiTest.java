package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.ruleset.RuleVersionFixtures.asJson;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.merchantOnReferenceProgram;
import static io.jifen.admin.support.StoredSuiteTexts.MEMBER_DAY;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A draft tested and compared before it is saved: POST …/draft-suite-runs runs the stored suites on
 * draft files, POST …/draft-rule-diffs compares them rule by rule with a stored version. Nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class DraftChecksApiTest {
    private static List<Map<String, Object>> referenceWith(RuleFile replaced) {
        List<RuleFile> files = new ArrayList<>(ReferenceProgram.ruleSet().files());
        files.replaceAll(f -> f.name().equals(replaced.name()) ? replaced : f);
        return asJson(files);
    }

    private static RuleFile memberDay(String from, String to) {
        return RuleFile.text("member-day.dslr", ReferenceProgram.ruleFile("member-day.dslr").text().replace(from, to));
    }

    private static int versionCount(Api.TestMerchant shop) {
        return as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions").then().extract().jsonPath().getList("items").size();
    }

    @Test
    void theStoredSuitesRunOnADraftThatTriplesMemberDayAndItsFailureIsReportedNothingStored() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        as(shop.qa()).contentType("application/yaml").body(MEMBER_DAY)
                .put("/merchants/" + shop.code() + "/suites/member-day").then().statusCode(201);
        int versions = versionCount(shop);

        as(shop.marketing()).body(Map.of("files", referenceWith(memberDay("by 2", "by 3"))))
                .post("/merchants/" + shop.code() + "/draft-suite-runs")
                .then().statusCode(200)
                .body("version", nullValue())
                .body("suites", equalTo(1)).body("scenarios", equalTo(1)).body("failed", equalTo(1))
                .body("results[0].name", equalTo("member-day"))
                .body("results[0].results[0].differences", contains("totalPoints: expected 240, was 360"));

        // the draft as live has it passes
        as(shop.qa()).body(Map.of("files", asJson(ReferenceProgram.ruleSet().files())))
                .post("/merchants/" + shop.code() + "/draft-suite-runs")
                .then().statusCode(200).body("passed", equalTo(1)).body("failed", equalTo(0));
        Assertions.assertThat(versionCount(shop)).isEqualTo(versions);
    }

    @Test
    void aDraftThatDoesNotCompileIsRefusedWithItsDiagnosticAtTheLine() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        as(shop.marketing()).body(Map.of("files", referenceWith(memberDay("Today is day 10 of the month",
                        "Today is dya 10 of the month"))))
                .post("/merchants/" + shop.code() + "/draft-suite-runs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://jifen.io/problems/rule-set-rejected"))
                .body("detail", equalTo("1 problem(s) in the rule files; nothing was run"))
                .body("errors[0].file", equalTo("member-day.dslr"))
                .body("errors[0].line", equalTo(16));
    }

    @Test
    void aDraftIsComparedWithTheLiveVersionRuleByRule() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        as(shop.marketing()).body(Map.of("files", referenceWith(memberDay("by 2", "by 3"))))
                .post("/merchants/" + shop.code() + "/draft-rule-diffs")
                .then().statusCode(200)
                .body("from", equalTo(1)).body("to", nullValue())
                .body("added", empty()).body("removed", empty())
                .body("changed", hasSize(1))
                .body("changed[0].name", equalTo("member day: double points on the 10th"))
                .body("changed[0].unifiedDiff", Matchers.containsString("+"))
                .body("changed[0].to.authored", Matchers.containsString("Multiply the base points by 3"));
        // against a named version; an unknown one is 404
        as(shop.qa()).body(Map.of("files", asJson(ReferenceProgram.ruleSet().files())))
                .queryParam("against", 1).post("/merchants/" + shop.code() + "/draft-rule-diffs")
                .then().statusCode(200).body("changed", empty()).body("unchanged", hasItem("member day: double points on the 10th"));
        as(shop.qa()).body(Map.of("files", asJson(ReferenceProgram.ruleSet().files())))
                .queryParam("against", 99).post("/merchants/" + shop.code() + "/draft-rule-diffs")
                .then().statusCode(404);
    }

    @Test
    void integratorsMayNotAndOtherMerchantsCannot() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        Api.TestMerchant other = merchantOnReferenceProgram();
        Map<String, Object> body = Map.of("files", asJson(ReferenceProgram.ruleSet().files()));
        as(shop.integrator()).body(body).post("/merchants/" + shop.code() + "/draft-suite-runs").then().statusCode(403);
        as(shop.integrator()).body(body).post("/merchants/" + shop.code() + "/draft-rule-diffs").then().statusCode(403);
        as(other.marketing()).body(body).post("/merchants/" + shop.code() + "/draft-suite-runs").then().statusCode(404);
        as(other.marketing()).body(body).post("/merchants/" + shop.code() + "/draft-rule-diffs").then().statusCode(404);
    }
}
