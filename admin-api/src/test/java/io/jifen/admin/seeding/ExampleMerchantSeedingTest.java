package io.jifen.admin.seeding;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jifen.admin.support.Api.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The README's run command seeds Fresh Harbour from examples/: settings, keys, the reference program live. */
@QuarkusTest
@TestProfile(ExampleMerchantSeedingTest.SeedingOn.class)
class ExampleMerchantSeedingTest {

    public static class SeedingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jifen.seed-example", "true");
        }
    }

    @Test
    void freshHarbourIsSeededWithItsSettingsKeysAndTheReferenceProgramActive() {
        asAdmin().get("/merchants/fresh-harbour").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("pointsPolicy.expiry.rule", equalTo("ROLLING_MONTHS"))
                .body("pointsPolicy.expiry.months", equalTo(12))
                .body("pointsPolicy.pendingDays", equalTo(7))
                .body("pointsPolicy.transfers.enabled", equalTo(true))
                .body("pointsPolicy.balanceThresholds", contains(1000, 5000))
                .body("pointsPolicy.pointValue", Matchers.equalTo("0.01"));
        asAdmin().get("/merchants/fresh-harbour/api-keys").then().statusCode(200)
                .body("items.role", hasItem("INTEGRATOR"));
        asAdmin().get("/merchants/fresh-harbour/audit").then().statusCode(200)
                .body("items.action", hasItem("rule-version.activated"));
    }
}
