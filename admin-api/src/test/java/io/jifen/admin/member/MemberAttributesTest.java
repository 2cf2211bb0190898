package io.jifen.admin.member;

import io.jifen.admin.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Integrators set string attributes on a member (city, channel, school …) when they enrol or update it; the
 * member's views and the members list show them; what the bounds refuse is a 422 naming the attribute.
 */
@QuarkusTest
class MemberAttributesTest {
    @Test
    void aMemberEnrolledWithACityAndAChannelIsReadBackWithThem() {
        Api.TestMerchant shop = newMerchant();
        String lin = "/merchants/" + shop.code() + "/members/lin";

        as(shop.integrator()).body(Map.of("tier", "GOLD", "attributes", Map.of("city", "Shanghai", "channel", "APP")))
                .put(lin).then().statusCode(201)
                .body("attributes.city", equalTo("Shanghai")).body("attributes.channel", equalTo("APP"));

        as(shop.qa()).get(lin).then().statusCode(200)
                .body("tier", equalTo("GOLD"))
                .body("attributes.city", equalTo("Shanghai")).body("attributes.channel", equalTo("APP"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members").then().statusCode(200)
                .body("items.memberId", contains("lin")).body("items[0].attributes.city", equalTo("Shanghai"));
    }

    @Test
    void anUpdateSetsTheAttributesItNamesRemovesThoseGivenEmptyAndKeepsTheRest() {
        Api.TestMerchant shop = newMerchant();
        String lin = "/merchants/" + shop.code() + "/members/lin";
        as(shop.integrator()).body(Map.of("attributes", Map.of("city", "Shanghai", "channel", "APP", "school", "Fudan")))
                .put(lin).then().statusCode(201);
        Map<String, Object> update = new HashMap<>();
        update.put("city", "Beijing");
        update.put("channel", "");
        update.put("school", null);

        as(shop.integrator()).body(Map.of("attributes", update)).put(lin).then().statusCode(200)
                .body("attributes.city", equalTo("Beijing"))
                .body("attributes.channel", nullValue()).body("attributes.school", nullValue());
        // a request without attributes keeps them
        as(shop.integrator()).body(Map.of("birthday", "1990-05-01")).put(lin).then().statusCode(200)
                .body("attributes.city", equalTo("Beijing"));
        as(shop.integrator()).body(Map.of("attributes", Map.of("city", ""))).put(lin).then().statusCode(200)
                .body("attributes", anEmptyMap());
    }

    @Test
    void anAttributeWithABadNameOrALongValueIsRefusedNamingIt() {
        Api.TestMerchant shop = newMerchant();
        String lin = "/merchants/" + shop.code() + "/members/lin";

        as(shop.integrator()).body(Map.of("attributes", Map.of("City", "Shanghai", "note", "x".repeat(201)))).put(lin)
                .then().statusCode(422)
                .body("type", equalTo("https://jifen.io/problems/invalid-request"))
                .body("errors.field", hasItems("attributes.City", "attributes.note"))
                .body("errors.find { it.field == 'attributes.note' }.message", containsString("at most 200 characters"));
        // nothing was enrolled by the refused request
        as(shop.qa()).get(lin).then().statusCode(404);
    }

    @Test
    void aMemberHasAtMostTwentyAttributes() {
        Api.TestMerchant shop = newMerchant();
        String lin = "/merchants/" + shop.code() + "/members/lin";
        Map<String, String> twenty = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            twenty.put("a" + i, "v");
        }
        as(shop.integrator()).body(Map.of("attributes", twenty)).put(lin).then().statusCode(201);

        as(shop.integrator()).body(Map.of("attributes", Map.of("city", "Shanghai"))).put(lin).then().statusCode(422)
                .body("errors.field", contains("attributes"))
                .body("errors[0].message", containsString("at most 20 attributes (this update would leave 21)"));
        // a request naming more than any update can mean is one problem, not one per name
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 41; i++) {
            many.put("Bad name " + i, "v");
        }
        as(shop.integrator()).body(Map.of("attributes", many)).put(lin).then().statusCode(422)
                .body("errors.field", contains("attributes"))
                .body("errors[0].message", equalTo("names 41 attributes: a member has at most 20"));
        // replacing one keeps twenty
        Map<String, String> swap = new HashMap<>();
        swap.put("a0", "");
        swap.put("city", "Shanghai");
        as(shop.integrator()).body(Map.of("attributes", swap)).put(lin).then().statusCode(200)
                .body("attributes.city", equalTo("Shanghai")).body("attributes.a0", nullValue());
    }
}
