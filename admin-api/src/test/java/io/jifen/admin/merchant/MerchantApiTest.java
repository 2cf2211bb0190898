package io.jifen.admin.merchant;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.jifen.admin.support.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class MerchantApiTest {

    @Test
    void platformAdminCreatesAMerchantAndEveryChangeIsAudited() {
        Api.TestMerchant shop = newMerchant();
        asAdmin().get("/merchants/" + shop.code()).then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("pointsPolicy.rounding", equalTo("DOWN"))
                .body("pointsPolicy.expiry.months", equalTo(12));
        asAdmin().get("/merchants/" + shop.code() + "/audit").then().statusCode(200)
                .body("items.action", hasItems("merchant.created", "api-key.issued"))
                .body("items.actorKeyId", everyItem(equalTo("bootstrap-admin")));
    }

    @Test
    void invalidTimeZoneAndCurrencyAreNamedInTheProblem() {
        Map<String, Object> body = new HashMap<>(merchantBody("bad-zone"));
        body.put("timeZone", "Mars/Olympus");
        body.put("currency", "XYZ");
        asAdmin().body(body).post("/merchants").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("timeZone", "currency"));
        asAdmin().get("/merchants/bad-zone").then().statusCode(404);
    }

    @Test
    void missingFieldsAreListedFieldByField() {
        asAdmin().body(Map.of("code", "Bad Code!", "pointsPolicy", Map.of("rounding", "SIDEWAYS", "stacking", "ADDITIVE",
                        "expiry", Map.of("rule", "NEVER"), "autoEnrol", true)))
                .post("/merchants").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name", "timeZone", "currency", "pointsPolicy.rounding"));
    }

    @Test
    void malformedJsonAndUnknownFieldsAreBadRequests() {
        asAdmin().body("{\"code\": ").post("/merchants").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/malformed-request"));
        Map<String, Object> body = new HashMap<>(merchantBody("unknown-field"));
        body.put("colour", "red");
        asAdmin().body(body).post("/merchants").then().statusCode(400).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void adminChangesTheRoundingPolicyAndItSticks() {
        Api.TestMerchant shop = newMerchant();
        Map<String, Object> body = new HashMap<>(merchantBody(shop.code()));
        body.put("pointsPolicy", Map.of("rounding", "HALF_UP", "stacking", "COMPOUND", "expiry", Map.of("rule", "NEVER"),
                "autoEnrol", false));
        asAdmin().body(body).put("/merchants/" + shop.code()).then().statusCode(200);
        asAdmin().get("/merchants/" + shop.code()).then()
                .body("pointsPolicy.rounding", equalTo("HALF_UP"))
                .body("pointsPolicy.autoEnrol", equalTo(false));
        asAdmin().get("/merchants/" + shop.code() + "/audit").then().body("items.action", hasItem("merchant.updated"));
    }

    @Test
    void oversizedRequestIsRefusedWithProblemJson() {
        String huge = "x".repeat(3 * 1024 * 1024);
        asAdmin().body("{\"code\":\"" + huge + "\"}").post("/merchants").then().statusCode(413)
                .contentType("application/problem+json").body("type", endsWith("/payload-too-large"));
    }

    @Test
    void requestsWithoutAValidKeyAreUnauthorized() {
        given().get("/merchants").then().statusCode(401).contentType("application/problem+json");
        as("jf_not-a-key").get("/merchants").then().statusCode(401);
    }

    @Test
    void merchantKeyCannotActAsPlatformAdminNorSeeAnotherMerchant() {
        Api.TestMerchant a = newMerchant();
        Api.TestMerchant b = newMerchant();
        as(a.integrator()).body(merchantBody("sneaky")).post("/merchants").then().statusCode(403)
                .body("detail", containsString("INTEGRATOR"));
        as(a.integrator()).get("/merchants/" + a.code()).then().statusCode(200);
        as(a.integrator()).get("/merchants/" + b.code()).then().statusCode(404);
    }

    @Test
    void revokedKeyStopsWorkingAtOnce() {
        Api.TestMerchant shop = newMerchant();
        String id = asAdmin().get("/merchants/" + shop.code() + "/api-keys").then().statusCode(200)
                .extract().path("items.find { it.role == 'QA' }.id");
        as(shop.qa()).get("/merchants/" + shop.code()).then().statusCode(200);
        asAdmin().delete("/merchants/" + shop.code() + "/api-keys/" + id).then().statusCode(204);
        as(shop.qa()).get("/merchants/" + shop.code()).then().statusCode(401);
        asAdmin().get("/merchants/" + shop.code() + "/api-keys").then()
                .body("items.find { it.id == '" + id + "' }.revokedAt", notNullValue())
                .body("items.secret", everyItem(nullValue()));
    }
}
