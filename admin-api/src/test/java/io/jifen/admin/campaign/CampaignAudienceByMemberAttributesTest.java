package io.jifen.admin.campaign;

import io.jifen.admin.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.campaign.Campaigns.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * A campaign's audience may be a condition on member attributes: for every attribute it names, the member's
 * value must be one of those listed. Postings and dry runs hold the campaign's rules to it, naming why.
 */
@QuarkusTest
class CampaignAudienceByMemberAttributesTest {
    private static final Map<String, Object> SHANGHAI_AND_HANGZHOU = Map.of("attributes",
            Map.of("city", List.of("Shanghai", "Hangzhou")));

    private static void enrolIn(Api.TestMerchant shop, String member, Map<String, String> attributes) {
        as(shop.integrator()).body(Map.of("attributes", attributes))
                .put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(201);
    }

    @Test
    void aCampaignForShanghaiMembersAwardsAShanghaiMemberAndCutsABeijingMemberSayingWhy() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(null, SHANGHAI_AND_HANGZHOU));
        enrolIn(shop, "shanghai-shen", Map.of("city", "Shanghai"));
        enrolIn(shop, "beijing-bai", Map.of("city", "Beijing"));

        purchase(shop, "p-sh", "shanghai-shen", NOVEMBER_20, "20.00").then().statusCode(201)
                .body("totalPoints", equalTo(27));
        Response beijing = purchase(shop, "p-bj", "beijing-bai", NOVEMBER_20, "20.00");

        beijing.then().body("totalPoints", equalTo(20));
        assertThat(awards(beijing)).anySatisfy(a -> {
            assertThat(a.get("rule")).isEqualTo("campaign: year-end");
            assertThat(a.get("points")).isEqualTo(-7);
            assertThat(a.get("reason")).isEqualTo(
                    "member's city is Beijing, not one of Shanghai, Hangzhou (the audience of campaign `year-end`)");
        });
        as(shop.qa()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().statusCode(200)
                .body("audience.attributes.city", contains("Shanghai", "Hangzhou"))
                .body("awarded", equalTo(7)).body("participants", equalTo(1));
    }

    @Test
    void aMemberWithoutTheAttributeIsNotInTheAudience() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(null, SHANGHAI_AND_HANGZHOU));

        Response posted = purchase(shop, "p-1", "new-nie", NOVEMBER_20, "20.00");

        posted.then().body("totalPoints", equalTo(20));
        assertThat(awards(posted)).anySatisfy(a -> assertThat(a.get("reason")).isEqualTo(
                "member has no city, not one of Shanghai, Hangzhou (the audience of campaign `year-end`)"));
    }

    @Test
    void everyAttributeNamedMustMatchAndTiersStillApply() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(null, Map.of("tiers", List.of("GOLD"),
                "attributes", Map.of("city", List.of("Shanghai"), "channel", List.of("APP", "MINI_PROGRAM")))));
        as(shop.integrator()).body(Map.of("tier", "GOLD", "attributes", Map.of("city", "Shanghai", "channel", "APP")))
                .put("/merchants/" + shop.code() + "/members/both").then().statusCode(201);
        as(shop.integrator()).body(Map.of("tier", "GOLD", "attributes", Map.of("city", "Shanghai", "channel", "POS")))
                .put("/merchants/" + shop.code() + "/members/store-only").then().statusCode(201);

        purchase(shop, "p-both", "both", NOVEMBER_20, "20.00").then().statusCode(201).body("totalPoints", equalTo(27));
        Response pos = purchase(shop, "p-pos", "store-only", NOVEMBER_20, "20.00");

        pos.then().body("totalPoints", equalTo(20));
        assertThat(awards(pos)).anySatisfy(a -> assertThat(a.get("reason")).isEqualTo(
                "member's channel is POS, not one of APP, MINI_PROGRAM (the audience of campaign `year-end`)"));
    }

    @Test
    void aDryRunAppliesTheAttributeConditionAsAPostingWould() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(null, SHANGHAI_AND_HANGZHOU));
        enrolIn(shop, "hangzhou-hu", Map.of("city", "Hangzhou"));
        enrolIn(shop, "beijing-bai", Map.of("city", "Beijing"));
        String dryRuns = "/merchants/" + shop.code() + "/dry-runs/purchases";

        as(shop.marketing()).body(Map.of("transactionId", "t-1", "memberId", "hangzhou-hu", "occurredAt", NOVEMBER_20,
                "total", "20.00")).post(dryRuns).then().statusCode(200).body("totalPoints", equalTo(27));
        as(shop.marketing()).body(Map.of("transactionId", "t-2", "memberId", "beijing-bai", "occurredAt", NOVEMBER_20,
                "total", "20.00")).post(dryRuns).then().statusCode(200).body("totalPoints", equalTo(20))
                .body("awards.find { it.rule == 'campaign: year-end' }.reason",
                        equalTo("member's city is Beijing, not one of Shanghai, Hangzhou (the audience of campaign `year-end`)"));
    }

    @Test
    void aConditionWithoutValuesOrWithABadNameIsRefusedNamingTheAttribute() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        Map<String, Object> conditions = new HashMap<>();
        conditions.put("city", List.of());
        conditions.put("Home-Town", List.of("Suzhou"));

        as(shop.marketing()).body(yearEnd(null, Map.of("attributes", conditions)))
                .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(422)
                .body("type", equalTo("https://jifen.io/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("audience.attributes.city", "audience.attributes.Home-Town"))
                .body("errors.find { it.field == 'audience.attributes.city' }.message",
                        equalTo("must list at least one accepted value"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().statusCode(404);

        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            tooMany.put("a" + i, List.of("x"));
        }
        as(shop.marketing()).body(yearEnd(null, Map.of("attributes", tooMany)))
                .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(422)
                .body("errors.field", contains("audience.attributes"))
                .body("errors[0].message", equalTo("must name at most 20 attributes"));
    }
}
