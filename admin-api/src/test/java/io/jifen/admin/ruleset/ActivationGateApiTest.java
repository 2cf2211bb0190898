package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.jifen.admin.ruleset.RuleVersionFixtures.activate;
import static io.jifen.admin.ruleset.RuleVersionFixtures.status;
import static io.jifen.admin.ruleset.RuleVersionFixtures.uploadDrl;
import static io.jifen.admin.suite.StoredSuiteFixtures.BASKETS;
import static io.jifen.admin.suite.StoredSuiteFixtures.DOUBLE;
import static io.jifen.admin.suite.StoredSuiteFixtures.keyIdOf;
import static io.jifen.admin.suite.StoredSuiteFixtures.retire;
import static io.jifen.admin.suite.StoredSuiteFixtures.store;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.*;

/**
 * POST …/rule-versions/{n}/activation is gated by the merchant's stored suites: a failing scenario
 * refuses it (409 suite-gate) unless an override says why, and the override is audited and shown.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class ActivationGateApiTest {

    private static String activation(Api.TestMerchant shop, int version) {
        return "/merchants/" + shop.code() + "/rule-versions/" + version + "/activation";
    }

    /** Version 1 (1 point per yuan) live, the baskets suite stored (passes on it), version 2 (2 points) uploaded. */
    private static Api.TestMerchant liveAtOnePointWithBasketsStoredAndTwoPointsUploaded() {
        Api.TestMerchant shop = newMerchant();
        uploadDrl(shop, 1);
        activate(shop, 1);
        store(shop, "baskets", BASKETS);
        uploadDrl(shop, 2);
        return shop;
    }

    @Test
    void aFailingStoredSuiteRefusesTheActivationListingEachFailingScenarioAndNothingIsActivated() {
        Api.TestMerchant shop = liveAtOnePointWithBasketsStoredAndTwoPointsUploaded();
        as(shop.marketing()).body("{}").post(activation(shop, 2)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://jifen.io/problems/suite-gate"))
                .body("detail", equalTo("2 scenarios of 1 stored suite fail on version 2; "
                        + "activate with an override reason to release anyway"))
                .body("version", equalTo(2)).body("suites", equalTo(1)).body("scenarios", equalTo(2))
                .body("passed", equalTo(0)).body("failed", equalTo(2))
                .body("failures.name", contains("baskets"))
                .body("failures[0].revision", equalTo(1))
                .body("failures[0].suite", equalTo("baskets at one point per yuan"))
                .body("failures[0].scenarios.name", contains("a 120-yuan basket earns 120 points",
                        "a 10-yuan basket earns 10 points"))
                .body("failures[0].scenarios[0].differences", contains("totalPoints: expected 120, was 240"));

        assertThat(status(shop, 2), "DRAFT");
        as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active").then().body("number", equalTo(1));
        as(shop.qa()).get("/merchants/" + shop.code() + "/activations").then().body("items.version", contains(1));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.target == 'rule-version/2' }.action", contains("rule-version.created"));
    }

    @Test
    void anOverrideNeedsAReasonOfAtMost500Characters() {
        Api.TestMerchant shop = liveAtOnePointWithBasketsStoredAndTwoPointsUploaded();
        for (Object override : new Object[] {Map.of(), Map.of("reason", "   "), Map.of("reason", "r".repeat(501))}) {
            as(shop.marketing()).body(Map.of("override", override)).post(activation(shop, 2)).then().statusCode(422)
                    .body("type", endsWith("/invalid-request")).body("errors[0].field", equalTo("override.reason"));
        }
        as(shop.qa()).get("/merchants/" + shop.code() + "/activations").then().body("items.version", contains(1));
    }

    @Test
    void anOverrideWithAReasonReleasesTheVersionAuditedAndShownInTheHistory() {
        Api.TestMerchant shop = liveAtOnePointWithBasketsStoredAndTwoPointsUploaded();
        String reason = "double points weekend approved by the store manager; suite to follow";
        as(shop.marketing()).body(Map.of("override", Map.of("reason", reason))).post(activation(shop, 2))
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("suiteGate.outcome", equalTo("OVERRIDDEN")).body("suiteGate.suites", equalTo(1))
                .body("suiteGate.scenarios", equalTo(2)).body("suiteGate.failed", equalTo(2))
                .body("suiteGate.overrideReason", equalTo(reason));
        as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active").then().body("number", equalTo(2));

        as(shop.marketing()).get("/merchants/" + shop.code() + "/activations").then().statusCode(200)
                .body("items.version", contains(2, 1)).body("items.state", contains("LIVE", "SUPERSEDED"))
                .body("items[0].suiteGate.outcome", equalTo("OVERRIDDEN")).body("items[0].suiteGate.failed", equalTo(2))
                .body("items[0].suiteGate.overrideReason", equalTo(reason))
                .body("items[1].suiteGate.outcome", equalTo("NO_SUITES")).body("items[1].suiteGate.overrideReason", nullValue());
        String marketingKey = keyIdOf(shop, shop.marketing());
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then().statusCode(200)
                .body("items.findAll { it.target == 'rule-version/2' }.action",
                        contains("rule-version.gate-overridden", "rule-version.activated", "rule-version.created"))
                .body("items.find { it.action == 'rule-version.gate-overridden' }.actorKeyId", equalTo(marketingKey))
                .body("items.find { it.action == 'rule-version.gate-overridden' }.details", allOf(
                        containsString("reason=\"" + reason + "\""),
                        containsString("baskets r1: a 120-yuan basket earns 120 points | a 10-yuan basket earns 10 points")))
                .body("items.find { it.action == 'rule-version.activated' && it.target == 'rule-version/2' }.details",
                        containsString("suiteGate=overridden (2 of 2 scenarios failed)"));
    }

    @Test
    void passingSuitesLetTheVersionThroughAndAnUnneededOverrideIsRecordedAsNotNeeded() {
        Api.TestMerchant shop = newMerchant();
        int v1 = uploadDrl(shop, 1);
        store(shop, "baskets", BASKETS);
        as(shop.marketing()).body("{}").post(activation(shop, v1)).then().statusCode(200)
                .body("suiteGate.outcome", equalTo("PASSED")).body("suiteGate.suites", equalTo(1))
                .body("suiteGate.scenarios", equalTo(2)).body("suiteGate.failed", equalTo(0));
        as(shop.marketing()).body(Map.of("override", Map.of("reason", "just in case"))).post(activation(shop, v1))
                .then().statusCode(200)
                .body("suiteGate.outcome", equalTo("PASSED")).body("suiteGate.overrideReason", nullValue());
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.action == 'rule-version.gate-overridden' }", empty())
                .body("items.find { it.action == 'rule-version.activated' }.details", containsString(
                        "suiteGate=passed (2 scenarios of 1 stored suite); an override was given but not needed: \"just in case\""));
    }

    @Test
    void aRetiredSuiteNoLongerGates() {
        Api.TestMerchant shop = liveAtOnePointWithBasketsStoredAndTwoPointsUploaded();
        retire(shop, "baskets");
        as(shop.marketing()).body("{}").post(activation(shop, 2)).then().statusCode(200)
                .body("suiteGate.outcome", equalTo("NO_SUITES")).body("suiteGate.suites", equalTo(0));
    }

    @Test
    void aScheduledActivationIsGatedWhenItIsScheduled() {
        Api.TestMerchant shop = liveAtOnePointWithBasketsStoredAndTwoPointsUploaded();
        String inAMonth = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        as(shop.marketing()).body(Map.of("at", inAMonth)).post(activation(shop, 2)).then().statusCode(409)
                .body("type", endsWith("/suite-gate")).body("failed", equalTo(2));
        as(shop.qa()).get("/merchants/" + shop.code() + "/activations").then().body("items.version", contains(1));

        as(shop.marketing()).body(Map.of("at", inAMonth, "override", Map.of("reason", "campaign starts next month")))
                .post(activation(shop, 2)).then().statusCode(202)
                .body("effectiveAt", equalTo(inAMonth)).body("suiteGate.outcome", equalTo("OVERRIDDEN"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/activations").then()
                .body("items.state", contains("PENDING", "LIVE"))
                .body("items[0].suiteGate.overrideReason", equalTo("campaign starts next month"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.find { it.action == 'rule-version.gate-overridden' }.details",
                        containsString("effectiveAt=" + inAMonth));
    }

    @Test
    void aRollbackGoesThroughTheSameGateAndTheOverrideIsTheEmergencyPath() {
        Api.TestMerchant shop = newMerchant();
        int onePoint = uploadDrl(shop, 1);
        int twoPoints = uploadDrl(shop, 2);
        activate(shop, onePoint);
        store(shop, "double", DOUBLE);
        activate(shop, twoPoints); // the suite passes on it
        as(shop.marketing()).body("{}").post(activation(shop, onePoint)).then().statusCode(409)
                .body("detail", equalTo("1 scenario of 1 stored suite fails on version 1; "
                        + "activate with an override reason to release anyway"))
                .body("failures[0].scenarios[0].name", equalTo("a 50-yuan basket earns 100 points"));
        as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active").then()
                .body("number", equalTo(twoPoints));
        as(shop.marketing()).body(Map.of("override", Map.of("reason", "version 2 over-awards at the tills: back to 1")))
                .post(activation(shop, onePoint)).then().statusCode(200)
                .body("suiteGate.outcome", equalTo("OVERRIDDEN")).body("suiteGate.failed", equalTo(1));
        as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active").then()
                .body("number", equalTo(onePoint));
    }

    private static void assertThat(String actual, String expected) {
        Assertions.assertThat(actual).isEqualTo(expected);
    }
}
