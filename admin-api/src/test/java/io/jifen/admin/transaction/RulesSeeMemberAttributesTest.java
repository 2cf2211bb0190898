package io.jifen.admin.transaction;

import io.jifen.admin.support.Api;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The member's attributes reach the rules on every evaluation: a posting and a dry run read them from the
 * member, a refund re-evaluates with those the purchase was posted with, whatever the member's are now.
 */
@QuarkusTest
class RulesSeeMemberAttributesTest {
    /** 1 point per yuan; 50 more for Shanghai members on purchases of 100 yuan or more. */
    private static final RuleSet PROGRAM = RuleSet.of(RuleFile.text("earning.drl", """
            package jifen.attributes;
            import io.jifen.engine.facts.*;
            global RuleActions actions;

            rule "1 point per yuan"
                ruleflow-group "base"
            when
                Purchase()
            then
                actions.pointsPerUnit(1, 1, "1 point per yuan");
            end

            rule "Shanghai members' bonus"
                ruleflow-group "bonus"
            when
                Member(attribute("city") == "Shanghai")
                Purchase(total >= 100)
            then
                actions.bonus(50, "CITY", "50 points for Shanghai members from 100 yuan");
            end
            """));

    private static Api.TestMerchant merchant() {
        Api.TestMerchant shop = Api.newMerchant();
        int version = Api.upload(shop, PROGRAM);
        as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation")
                .then().statusCode(200);
        return shop;
    }

    private static void moveTo(Api.TestMerchant shop, String member, String city) {
        as(shop.integrator()).body(Map.of("attributes", Map.of("city", city)))
                .put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(200);
    }

    private static void enrolIn(Api.TestMerchant shop, String member, String city) {
        as(shop.integrator()).body(Map.of("attributes", Map.of("city", city)))
                .put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(201);
    }

    private static Map<String, Object> purchase(String id, String member, String total) {
        return Map.of("transactionId", id, "memberId", member, "occurredAt", "2026-03-05T10:00:00+08:00", "total", total);
    }

    @Test
    void aRuleReadingTheMembersCityGivesItsBonusToAShanghaiMemberOnly() {
        Api.TestMerchant shop = merchant();
        enrolIn(shop, "shen", "Shanghai");
        enrolIn(shop, "bai", "Beijing");
        String purchases = "/merchants/" + shop.code() + "/purchases";

        as(shop.integrator()).body(purchase("p-shen", "shen", "200.00")).post(purchases).then().statusCode(201)
                .body("totalPoints", equalTo(250)).body("awards.rule", hasItem("Shanghai members' bonus"));
        as(shop.integrator()).body(purchase("p-bai", "bai", "200.00")).post(purchases).then().statusCode(201)
                .body("totalPoints", equalTo(200));
        as(shop.qa()).body(purchase("t-shen", "shen", "200.00")).post("/merchants/" + shop.code() + "/dry-runs/purchases")
                .then().statusCode(200).body("totalPoints", equalTo(250));
    }

    @Test
    void aRefundReEvaluatesWithTheCityThePurchaseWasPostedWithAfterTheMemberMoved() {
        Api.TestMerchant shop = merchant();
        enrolIn(shop, "shen", "Shanghai");
        as(shop.integrator()).body(purchase("p-1", "shen", "200.00")).post("/merchants/" + shop.code() + "/purchases")
                .then().statusCode(201).body("totalPoints", equalTo(250));
        moveTo(shop, "shen", "Beijing");

        // 150 yuan kept: 150 + the Shanghai bonus, as posted; with the member's city now, it would keep 150
        as(shop.integrator()).body(Map.of("refundId", "r-1", "purchaseId", "p-1", "amount", "50.00"))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201)
                .body("pointsKept", equalTo(200)).body("pointsReversed", equalTo(50));
        // a purchase now is evaluated with the city the member has now
        as(shop.integrator()).body(purchase("p-2", "shen", "200.00")).post("/merchants/" + shop.code() + "/purchases")
                .then().statusCode(201).body("totalPoints", equalTo(200));
    }
}
