package io.jifen.admin.merchant;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** PUT /merchants/{code}/points-policy: marketing changes how points behave, nothing else of the merchant. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class PointsPolicyApiTest {

    static Map<String, Object> policy(Map<String, Object> changes) {
        Map<String, Object> p = new HashMap<>(Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                "expiry", Map.of("rule", "ROLLING_MONTHS", "months", 12), "accountCap", 1_000_000, "autoEnrol", true));
        p.putAll(changes);
        return p;
    }

    @Test
    void marketingReplacesThePolicyAndEveryRoleReadsIt() {
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).body(policy(Map.of("accountCap", 2_000_000, "pendingDays", 7,
                        "expiry", Map.of("rule", "END_OF_YEAR_AFTER_MONTHS", "months", 24),
                        "balanceThresholds", List.of(5000, 1000))))
                .put("/merchants/" + shop.code() + "/points-policy").then().statusCode(200)
                .body("code", equalTo(shop.code()))
                .body("pointsPolicy.accountCap", equalTo(2_000_000))
                .body("pointsPolicy.balanceThresholds", contains(1000, 5000));
        as(shop.integrator()).get("/merchants/" + shop.code()).then().statusCode(200)
                .body("pointsPolicy.accountCap", equalTo(2_000_000))
                .body("pointsPolicy.pendingDays", equalTo(7))
                .body("pointsPolicy.expiry.rule", equalTo("END_OF_YEAR_AFTER_MONTHS"))
                .body("pointsPolicy.expiry.months", equalTo(24))
                // the merchant's identity is the platform admin's: untouched
                .body("name", equalTo("Shop " + shop.code()))
                .body("timeZone", equalTo("Asia/Shanghai"));
    }

    @Test
    void thePointValueIsADecimalInTheMerchantsCurrencyOptionalAndChecked() {
        Api.TestMerchant shop = newMerchant();
        String path = "/merchants/" + shop.code() + "/points-policy";
        as(shop.qa()).get("/merchants/" + shop.code()).then().body("pointsPolicy.pointValue", nullValue());
        as(shop.marketing()).body(policy(Map.of("pointValue", "0.0100"))).put(path).then().statusCode(200)
                .body("pointsPolicy.pointValue", equalTo("0.01"));
        as(shop.marketing()).body(policy(Map.of("pointValue", 0.005))).put(path).then().statusCode(200)
                .body("pointsPolicy.pointValue", equalTo("0.005"));
        as(shop.qa()).get("/merchants/" + shop.code()).then().body("pointsPolicy.pointValue", equalTo("0.005"));
        for (Object bad : List.of("0", "-0.01", "0.0000001", "10000000", "1e-9")) {
            as(shop.marketing()).body(policy(Map.of("pointValue", bad))).put(path).then().statusCode(422)
                    .body("type", containsString("invalid-request"))
                    .body("errors.field", hasItem("pointValue"))
                    .body("errors[0].message", containsString("at most 6 decimal places"));
        }
        as(shop.marketing()).body(policy(Map.of("pointValue", "a cent"))).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("pointValue"));
        // left out: none (the whole policy is replaced)
        as(shop.marketing()).body(policy(Map.of())).put(path).then().statusCode(200)
                .body("pointsPolicy.pointValue", nullValue());
    }

    @Test
    void settingsLeftOutTakeTheirDefaultsAsAtCreation() {
        Api.TestMerchant shop = newMerchant(Map.of("pendingDays", 14, "dailyEarnCap", 500));
        as(shop.marketing()).body(policy(Map.of())).put("/merchants/" + shop.code() + "/points-policy")
                .then().statusCode(200)
                .body("pointsPolicy.pendingDays", equalTo(0))
                .body("pointsPolicy.dailyEarnCap", nullValue())
                .body("pointsPolicy.tiers.order", contains("REGULAR", "SILVER", "GOLD"));
    }

    @Test
    void theChangeIsAuditedWithTheMarketingKey() {
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).body(policy(Map.of("accountCap", 3_000)))
                .put("/merchants/" + shop.code() + "/points-policy").then().statusCode(200);
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then().statusCode(200)
                .body("items.action", hasItem("merchant.policy-updated"))
                .body("items.find { it.action == 'merchant.policy-updated' }.details", containsString("accountCap=3000"));
    }

    @Test
    void anInvalidPolicyIs422NamingThePolicysOwnFieldsAndChangesNothing() {
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).body(policy(Map.of("expiry", Map.of("rule", "ROLLING_MONTHS"),
                        "transfers", Map.of("enabled", true, "min", 100, "max", 10))))
                .put("/merchants/" + shop.code() + "/points-policy").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("expiry.months", "transfers.max"));
        as(shop.marketing()).body(policy(Map.of("accountCap", 0, "rounding", "SIDEWAYS")))
                .put("/merchants/" + shop.code() + "/points-policy").then().statusCode(422)
                .body("errors.field", contains("accountCap", "rounding"));
        as(shop.marketing()).get("/merchants/" + shop.code()).then()
                .body("pointsPolicy.expiry.months", equalTo(12)).body("pointsPolicy.accountCap", equalTo(1_000_000));
    }

    @Test
    void onlyMarketingAndThePlatformAdminMayChangeIt() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        as(shop.qa()).body(policy(Map.of())).put("/merchants/" + shop.code() + "/points-policy").then().statusCode(403);
        as(shop.integrator()).body(policy(Map.of())).put("/merchants/" + shop.code() + "/points-policy").then().statusCode(403);
        as(shop.marketing()).body(policy(Map.of())).put("/merchants/" + other.code() + "/points-policy").then().statusCode(404);
        asAdmin().body(policy(Map.of("accountCap", 42))).put("/merchants/" + shop.code() + "/points-policy")
                .then().statusCode(200).body("pointsPolicy.accountCap", equalTo(42));
    }
}
