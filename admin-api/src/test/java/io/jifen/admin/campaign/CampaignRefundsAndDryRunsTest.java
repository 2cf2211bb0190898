package io.jifen.admin.campaign;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jifen.admin.campaign.Campaigns.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A refund gives budget back; a dry run shows what a campaign's budget would do without spending it. */
@QuarkusTest
class CampaignRefundsAndDryRunsTest {
    @Test
    void aFullRefundGivesTheCampaignsPointsBackToItsBudgetForTheNextMember() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("total", 10), null));
        purchase(shop, "p-ann", "ann", NOVEMBER_20, "20.00").then().statusCode(201).body("totalPoints", equalTo(27));
        purchase(shop, "p-bo", "bo", NOVEMBER_20, "20.00").then().statusCode(201).body("totalPoints", equalTo(23));

        as(shop.integrator()).body(Map.of("refundId", "r-ann", "purchaseId", "p-ann", "occurredAt", NOVEMBER_20))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201).body("pointsReversed", equalTo(27));

        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().body("awarded", equalTo(3));
        purchase(shop, "p-cy", "cy", NOVEMBER_20, "20.00").then().statusCode(201).body("totalPoints", equalTo(27));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().body("awarded", equalTo(10));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aPartialRefundKeepsTheCampaignsAwardWhileThePurchaseStillQualifies() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("total", 100), null));
        purchase(shop, "p-ann", "ann", NOVEMBER_20, "30.00").then().statusCode(201).body("totalPoints", equalTo(37));

        as(shop.integrator()).body(Map.of("refundId", "r-1", "purchaseId", "p-ann", "amount", "10.00"))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201).body("pointsReversed", equalTo(10));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().body("awarded", equalTo(7));

        as(shop.integrator()).body(Map.of("refundId", "r-2", "purchaseId", "p-ann", "amount", "15.00"))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201).body("pointsReversed", equalTo(22));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().body("awarded", equalTo(0));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aDryRunShowsTheBudgetTrimWithoutSpendingIt() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("total", 10), null));
        purchase(shop, "p-ann", "ann", NOVEMBER_20, "20.00").then().statusCode(201);

        for (int i = 0; i < 2; i++) {
            as(shop.marketing()).body(Map.of("transactionId", "dry-" + i, "memberId", "bo", "occurredAt", NOVEMBER_20,
                    "total", "20.00")).post("/merchants/" + shop.code() + "/dry-runs/purchases").then().statusCode(200)
                    .body("totalPoints", equalTo(23)).body("posted", equalTo(false));
        }
        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().body("awarded", equalTo(7));
    }
}
