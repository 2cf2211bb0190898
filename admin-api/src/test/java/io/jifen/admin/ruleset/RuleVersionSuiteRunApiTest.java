package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RuleVersionSuiteRunApiTest {
    static final String PURCHASE = """
                when:
                  purchase:
                    at: "2026-03-05T10:00"
                    total: 120.00
                    lines:
                      - {sku: RICE-5KG, category: grocery, amount: 120.00}
            """;

    static final String SMOKE = """
            suite: smoke
            zone: Asia/Shanghai
            defaults:
              member: {tier: REGULAR}
            scenarios:
              - name: a regular member earns 1 point per yuan
            %s    then: {totalPoints: 120}
              - name: QA expects too much from a 120-yuan basket
            %s    then: {totalPoints: 999}
            """.formatted(PURCHASE, PURCHASE);

    static final String SMOKE_JSON = """
            {"suite": "smoke-json", "zone": "Asia/Shanghai",
             "scenarios": [{"name": "a regular member earns 1 point per yuan",
               "given": {"member": {"tier": "REGULAR"}},
               "when": {"purchase": {"at": "2026-03-05T10:00", "total": 120.00}},
               "then": {"totalPoints": 120}}]}
            """;

    @Test
    void suiteRunOnADraftReportsTheFailingScenarioWithItsDifference() {
        Api.TestMerchant shop = newMerchant();
        int draft = upload(shop, referenceUpload("candidate"));
        as(shop.qa()).contentType("application/yaml").body(SMOKE)
                .post("/merchants/" + shop.code() + "/rule-versions/" + draft + "/suite-runs").then().statusCode(200)
                .contentType("application/json")
                .body("suite", equalTo("smoke"))
                .body("version", equalTo(draft))
                .body("passed", equalTo(1)).body("failed", equalTo(1))
                .body("results.find { it.passed }.name", equalTo("a regular member earns 1 point per yuan"))
                .body("results.find { !it.passed }.differences", contains("totalPoints: expected 999, was 120"))
                .body("results.find { !it.passed }.observed.totalPoints", equalTo(120));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/" + draft).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aReferenceSuitePassesOnTheReferenceProgramAndJsonSuitesWorkToo() {
        Api.TestMerchant shop = newMerchant();
        int v = upload(shop, referenceUpload("reference"));
        String url = "/merchants/" + shop.code() + "/rule-versions/" + v + "/suite-runs";
        as(shop.marketing()).contentType("text/yaml").body(ReferenceProgram.suiteText("earning.yaml")).post(url)
                .then().statusCode(200).body("suite", equalTo("earning")).body("failed", equalTo(0))
                .body("passed", greaterThan(3));
        as(shop.qa()).contentType("application/json").body(SMOKE_JSON).post(url)
                .then().statusCode(200).body("suite", equalTo("smoke-json")).body("passed", equalTo(1));
    }

    @Test
    void acceptingXmlReturnsTheJUnitReport() {
        Api.TestMerchant shop = newMerchant();
        int v = upload(shop, referenceUpload("reference"));
        String xml = as(shop.qa()).contentType("application/yaml").accept("application/xml").body(SMOKE)
                .post("/merchants/" + shop.code() + "/rule-versions/" + v + "/suite-runs").then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        Assertions.assertThat(xml)
                .contains("<testsuite name=\"smoke\" tests=\"2\" failures=\"1\"")
                .contains("<failure message=\"totalPoints: expected 999, was 120\">");
    }

    @Test
    void comparisonListsTheScenariosWhoseResultChangesBetweenTwoVersions() {
        Api.TestMerchant shop = newMerchant();
        int live = upload(shop, referenceUpload("reference"));
        int doubled = upload(shop, referenceUpload("double base earning", referenceEarningAt(2)));
        as(shop.qa()).contentType("application/yaml").body(SMOKE)
                .post("/merchants/" + shop.code() + "/rule-versions/" + live + "/comparisons/" + doubled)
                .then().statusCode(200)
                .body("suite", equalTo("smoke")).body("from", equalTo(live)).body("to", equalTo(doubled))
                .body("scenarios", equalTo(2)).body("identical", equalTo(false))
                .body("changed.size()", equalTo(2))
                .body("changed[0].changes", hasItems("totalPoints: 120 → 240", "awards[earn 1 point per yuan]: 120 → 240"))
                .body("changed[0].before.totalPoints", equalTo(120))
                .body("changed[0].after.totalPoints", equalTo(240));
        as(shop.qa()).contentType("application/yaml").body(SMOKE)
                .post("/merchants/" + shop.code() + "/rule-versions/" + live + "/comparisons/" + live)
                .then().statusCode(200).body("identical", equalTo(true)).body("changed", empty());
    }

    @Test
    void malformedSuitesAreRejectedNamingTheProblem() {
        Api.TestMerchant shop = newMerchant();
        int v = uploadDrl(shop, 1);
        String url = "/merchants/" + shop.code() + "/rule-versions/" + v + "/suite-runs";
        as(shop.qa()).contentType("application/yaml").body(SMOKE.replace("totalPoints: 999", "totalPointz: 999"))
                .post(url).then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/invalid-suite")).body("detail", containsString("totalPointz"))
                .body("errors[0].field", equalTo("scenarios[1].then.totalPointz"))
                .body("errors[0].line", equalTo(21)).body("errors[0].column", equalTo(12));
        as(shop.qa()).contentType("application/yaml").body("suite: empty\nscenarios: []\n")
                .post(url).then().statusCode(422).body("detail", containsString("at least one scenario"));
        as(shop.qa()).contentType("application/yaml").body("suite: [unclosed\n")
                .post(url).then().statusCode(422).body("type", endsWith("/invalid-suite"));
        as(shop.qa()).contentType("application/json").body("{\"suite\": ")
                .post(url).then().statusCode(422).body("type", endsWith("/invalid-suite"));
        as(shop.qa()).contentType("application/yaml").body(SMOKE)
                .post("/merchants/" + shop.code() + "/rule-versions/77/suite-runs").then().statusCode(404);
    }
}
