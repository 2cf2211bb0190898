package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.jifen.admin.ruleset.RuleVersionFixtures.activate;
import static io.jifen.admin.ruleset.RuleVersionFixtures.uploadDrl;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** GET /merchants/{code}/activations: what is scheduled, live, replaced and cancelled, and by whom. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class ActivationHistoryApiTest {

    @Test
    void listsEachActivationWithItsStateNewestEffectiveFirst() {
        Api.TestMerchant shop = newMerchant();
        int v1 = uploadDrl(shop, 31);
        int v2 = uploadDrl(shop, 32);
        int v3 = uploadDrl(shop, 33);
        int v4 = uploadDrl(shop, 34);
        activate(shop, v1);
        activate(shop, v2);
        String inAYear = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String inTwoYears = Instant.now().plus(730, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        as(shop.marketing()).body(Map.of("at", inAYear))
                .post("/merchants/" + shop.code() + "/rule-versions/" + v3 + "/activation").then().statusCode(202);
        as(shop.marketing()).body(Map.of("at", inTwoYears))
                .post("/merchants/" + shop.code() + "/rule-versions/" + v4 + "/activation").then().statusCode(202);
        as(shop.marketing()).delete("/merchants/" + shop.code() + "/rule-versions/" + v4 + "/activation")
                .then().statusCode(200);
        String marketingKeyId = as(shop.marketing()).get("/merchants/" + shop.code() + "/me").then().extract().path("keyId");

        as(shop.qa()).get("/merchants/" + shop.code() + "/activations").then().statusCode(200)
                .body("items.version", contains(v4, v3, v2, v1))
                .body("items.state", contains("CANCELLED", "PENDING", "LIVE", "SUPERSEDED"))
                .body("items[1].effectiveAt", equalTo(inAYear))
                .body("items[0].cancelledAt", notNullValue())
                .body("items[1].cancelledAt", nullValue())
                .body("items.createdBy", contains(marketingKeyId, marketingKeyId, marketingKeyId, marketingKeyId));
    }

    @Test
    void aMerchantWithoutActivationsHasAnEmptyListAndLimitIsChecked() {
        Api.TestMerchant shop = newMerchant();
        uploadDrl(shop, 35);
        as(shop.marketing()).get("/merchants/" + shop.code() + "/activations").then().statusCode(200).body("items", empty());
        activate(shop, 1);
        activate(shop, 1); // a second activation of the same version: two rows
        as(shop.marketing()).get("/merchants/" + shop.code() + "/activations?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].state", equalTo("LIVE"));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/activations?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void integratorsMayNotReadItAndOtherMerchantsGet404() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        as(shop.integrator()).get("/merchants/" + shop.code() + "/activations").then().statusCode(403);
        as(shop.qa()).get("/merchants/" + other.code() + "/activations").then().statusCode(404);
    }
}
