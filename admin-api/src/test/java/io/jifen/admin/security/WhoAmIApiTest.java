package io.jifen.admin.security;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** GET /merchants/{code}/me: who the calling key is, which the console's sign-in decides on. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class WhoAmIApiTest {

    @Test
    void eachRoleOfTheMerchantIsToldItsRoleKeyAndLabel() {
        Api.TestMerchant shop = newMerchant();
        Map<String, String> keys = Map.of("MARKETING", shop.marketing(), "QA", shop.qa(), "INTEGRATOR", shop.integrator());
        keys.forEach((role, key) -> as(key).get("/merchants/" + shop.code() + "/me").then().statusCode(200)
                .body("role", equalTo(role))
                .body("merchant", equalTo(shop.code()))
                .body("label", equalTo(role.toLowerCase() + " for tests"))
                .body("keyId", startsWith("key_"))
                .body("platformAdmin", equalTo(false)));
    }

    @Test
    void theKeyIdIsTheOneTheAuditLogNamesAsActor() {
        Api.TestMerchant shop = newMerchant();
        String keyId = as(shop.marketing()).get("/merchants/" + shop.code() + "/me").then().statusCode(200)
                .extract().path("keyId");
        as(shop.marketing()).body(Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                        "expiry", Map.of("rule", "NEVER"), "autoEnrol", true))
                .put("/merchants/" + shop.code() + "/points-policy").then().statusCode(200);
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit?limit=1").then().statusCode(200)
                .body("items[0].actorKeyId", equalTo(keyId));
    }

    @Test
    void aPlatformAdminKeyIsAnAdminOfNoMerchant() {
        Api.TestMerchant shop = newMerchant();
        asAdmin().get("/merchants/" + shop.code() + "/me").then().statusCode(200)
                .body("role", equalTo("ADMIN"))
                .body("platformAdmin", equalTo(true))
                .body("label", nullValue()) // the bootstrap key has no stored row
                .body("merchant", equalTo(shop.code()));
    }

    @Test
    void aWrongKeyIs401AndAnotherMerchantsCodeIs404() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        as("jf_not-a-key").get("/merchants/" + shop.code() + "/me").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("the API key is unknown or revoked"));
        as(shop.marketing()).get("/merchants/" + other.code() + "/me").then().statusCode(404)
                .contentType("application/problem+json");
        as(shop.marketing()).get("/merchants/no-such-shop/me").then().statusCode(404);
    }
}
