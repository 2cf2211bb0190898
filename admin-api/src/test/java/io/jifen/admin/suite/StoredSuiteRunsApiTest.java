package io.jifen.admin.suite;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.jifen.admin.ruleset.RuleVersionFixtures.uploadDrl;
import static io.jifen.admin.suite.StoredSuiteFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.*;

/** POST …/rule-versions/{n}/stored-suite-runs and …/{a}/stored-comparisons/{b}: every current stored suite at once. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class StoredSuiteRunsApiTest {

    private static String versions(Api.TestMerchant shop) {
        return "/merchants/" + shop.code() + "/rule-versions/";
    }

    @Test
    void everyStoredSuiteRunsOnAVersionWithEachScenariosVerdictAndDifferences() {
        Api.TestMerchant shop = newMerchant();
        int onePoint = uploadDrl(shop, 1);
        int twoPoints = uploadDrl(shop, 2);
        store(shop, "baskets", BASKETS);
        store(shop, "double", DOUBLE);

        as(shop.qa()).post(versions(shop) + twoPoints + "/stored-suite-runs").then().statusCode(200)
                .contentType("application/json")
                .body("version", equalTo(twoPoints)).body("contentHash", hasLength(64))
                .body("suites", equalTo(2)).body("scenarios", equalTo(3))
                .body("passed", equalTo(1)).body("failed", equalTo(2))
                .body("results.name", contains("baskets", "double"))
                .body("results[0].revision", equalTo(1))
                .body("results[0].suite", equalTo("baskets at one point per yuan"))
                .body("results[0].passed", equalTo(0)).body("results[0].failed", equalTo(2))
                .body("results[0].results.name", contains("a 120-yuan basket earns 120 points", "a 10-yuan basket earns 10 points"))
                .body("results[0].results[0].passed", equalTo(false))
                .body("results[0].results[0].differences", contains("totalPoints: expected 120, was 240"))
                .body("results[0].results[0].observed.totalPoints", equalTo(240))
                .body("results[0].results[1].differences", contains("totalPoints: expected 10, was 20"))
                .body("results[1].passed", equalTo(1)).body("results[1].results[0].differences", empty());

        as(shop.marketing()).post(versions(shop) + onePoint + "/stored-suite-runs").then().statusCode(200)
                .body("passed", equalTo(2)).body("failed", equalTo(1))
                .body("results[0].failed", equalTo(0))
                .body("results[1].results[0].differences", contains("totalPoints: expected 100, was 50",
                        "awards[earn 1 points per yuan]: expected 0, was 50",
                        "awards[earn 2 points per yuan]: expected 100, was 0"));
    }

    @Test
    void aComparisonOnTheStoredSuitesListsTheScenariosWhoseResultChanges() {
        Api.TestMerchant shop = newMerchant();
        int onePoint = uploadDrl(shop, 1);
        int twoPoints = uploadDrl(shop, 2);
        store(shop, "baskets", BASKETS);
        store(shop, "double", DOUBLE);

        as(shop.qa()).post(versions(shop) + onePoint + "/stored-comparisons/" + twoPoints).then().statusCode(200)
                .body("from", equalTo(onePoint)).body("to", equalTo(twoPoints))
                .body("suites", equalTo(2)).body("scenarios", equalTo(3))
                .body("changed", equalTo(3)).body("identical", equalTo(false))
                .body("results.name", contains("baskets", "double"))
                .body("results[0].identical", equalTo(false))
                .body("results[0].changed.scenario", contains("a 120-yuan basket earns 120 points", "a 10-yuan basket earns 10 points"))
                .body("results[0].changed[0].changes", contains("totalPoints: 120 → 240",
                        "awards[earn 1 points per yuan]: 120 → 0", "awards[earn 2 points per yuan]: 0 → 240",
                        "families[BASE]: 120 → 240"))
                .body("results[0].changed[0].before.totalPoints", equalTo(120))
                .body("results[0].changed[0].after.totalPoints", equalTo(240));

        as(shop.qa()).post(versions(shop) + twoPoints + "/stored-comparisons/" + twoPoints).then().statusCode(200)
                .body("changed", equalTo(0)).body("identical", equalTo(true))
                .body("results.identical", contains(true, true)).body("results[0].changed", empty());
    }

    @Test
    void theReferenceSuitesAreStoredAsTheyShipPassOnTheReferenceProgramAndLetItThroughTheGate() {
        Api.TestMerchant shop = newMerchant();
        int reference = Api.uploadReferenceProgram(shop);
        for (String file : ReferenceProgram.SUITES) {
            store(shop, file.replace(".yaml", ""), ReferenceProgram.suiteText(file));
        }
        int scenarios = ReferenceProgram.suites().stream().mapToInt(s -> s.scenarios().size()).sum();
        as(shop.qa()).post(versions(shop) + reference + "/stored-suite-runs").then().statusCode(200)
                .body("suites", equalTo(ReferenceProgram.SUITES.size())).body("scenarios", equalTo(scenarios))
                .body("failed", equalTo(0)).body("passed", equalTo(scenarios))
                .body("results.name", contains("categories", "earning", "exchange-pricing", "invalid-input",
                        "member-day", "spend-threshold", "tasks", "tiers"));
        as(shop.marketing()).body("{}").post(versions(shop) + reference + "/activation").then().statusCode(200)
                .body("suiteGate.outcome", equalTo("PASSED")).body("suiteGate.scenarios", equalTo(scenarios));
    }

    @Test
    void retiredSuitesDoNotRunAndAMerchantWithoutSuitesRunsNothing() {
        Api.TestMerchant shop = newMerchant();
        int v = uploadDrl(shop, 1);
        as(shop.qa()).post(versions(shop) + v + "/stored-suite-runs").then().statusCode(200)
                .body("suites", equalTo(0)).body("scenarios", equalTo(0)).body("results", empty());
        store(shop, "baskets", BASKETS);
        store(shop, "double", DOUBLE);
        retire(shop, "double");
        as(shop.qa()).post(versions(shop) + v + "/stored-suite-runs").then().statusCode(200)
                .body("results.name", contains("baskets")).body("failed", equalTo(0));
        as(shop.qa()).post(versions(shop) + v + "/stored-comparisons/" + v).then().statusCode(200)
                .body("results.name", contains("baskets"));
    }

    @Test
    void unknownVersionsAnotherMerchantAndIntegratorsAreRefused() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        int v = uploadDrl(shop, 1);
        store(shop, "baskets", BASKETS);
        as(shop.qa()).post(versions(shop) + 9 + "/stored-suite-runs").then().statusCode(404);
        as(shop.qa()).post(versions(shop) + v + "/stored-comparisons/9").then().statusCode(404);
        as(other.qa()).post(versions(shop) + v + "/stored-suite-runs").then().statusCode(404);
        as(shop.integrator()).post(versions(shop) + v + "/stored-suite-runs").then().statusCode(403);
        as(shop.integrator()).post(versions(shop) + v + "/stored-comparisons/" + v).then().statusCode(403);
    }
}
