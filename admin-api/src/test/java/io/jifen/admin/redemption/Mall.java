package io.jifen.admin.redemption;

import io.jifen.admin.support.Api;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.jifen.admin.support.Api.as;

/** Domain-named helpers for mall tests: items, members with points, redemptions. */
final class Mall {
    private Mall() {
    }

    static final Map<String, Object> ADDRESS = Map.of("recipient", "Lin Mei", "phone", "+86 138 0000 0000",
            "line1", "88 Century Avenue", "city", "Shanghai", "postalCode", "200120", "country", "CN");

    /** Creates an item: a {@code type} item costing {@code points}, with these fields on top. */
    static ValidatableResponse item(Api.TestMerchant shop, String sku, String type, long points, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", "Item " + sku, "type", type,
                "basePoints", points, "category", "test", "imageUrl", "https://img.example/" + sku + ".png"));
        body.putAll(more);
        return as(shop.marketing()).body(body).post("/merchants/" + shop.code() + "/mall/items").then();
    }

    static void createItem(Api.TestMerchant shop, String sku, String type, long points, Map<String, Object> more) {
        item(shop, sku, type, points, more).statusCode(201);
    }

    /** Enrols a member in a tier and gives them points by an adjustment (a lot expiring by the policy). */
    static void member(Api.TestMerchant shop, String member, String tier, long points) {
        as(shop.integrator()).body(tier == null ? Map.of() : Map.of("tier", tier))
                .put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(201);
        if (points > 0) {
            as(shop.integrator()).body(Map.of("adjustmentId", "seed-" + member, "points", points, "reason", "seed"))
                    .post("/merchants/" + shop.code() + "/members/" + member + "/adjustments").then().statusCode(201);
        }
    }

    static ValidatableResponse redeem(Api.TestMerchant shop, String member, String redemptionId, String sku,
                                      Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("redemptionId", redemptionId, "sku", sku));
        body.putAll(more);
        return as(shop.integrator()).body(body).post("/merchants/" + shop.code() + "/members/" + member + "/redemptions")
                .then();
    }

    static ValidatableResponse redeem(Api.TestMerchant shop, String member, String redemptionId, String sku) {
        return redeem(shop, member, redemptionId, sku, Map.of());
    }

    static ValidatableResponse cancel(Api.TestMerchant shop, String redemptionId, String cancellationId) {
        return as(shop.integrator()).body(Map.of("cancellationId", cancellationId, "reason", "changed their mind"))
                .post("/merchants/" + shop.code() + "/redemptions/" + redemptionId + "/cancellation").then();
    }

    static long balance(Api.TestMerchant shop, String member) {
        return as(shop.integrator()).get("/merchants/" + shop.code() + "/members/" + member).then().statusCode(200)
                .extract().<Number>path("balance").longValue();
    }

    static ValidatableResponse itemView(Api.TestMerchant shop, String sku) {
        return as(shop.marketing()).get("/merchants/" + shop.code() + "/mall/items/" + sku).then().statusCode(200);
    }

    static List<String> codes(int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }
}
