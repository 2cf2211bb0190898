package io.jifen.admin.ledger;

import io.jifen.admin.member.TierReviews;
import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSets;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class CapsAndTiersTest {
    @Inject
    TierReviews reviews;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    static ValidatableResponse buy(Api.TestMerchant shop, String id, String member, Instant at, String amount) {
        return as(shop.integrator()).body(Map.of("transactionId", id, "memberId", member, "occurredAt", at.toString(),
                        "total", amount, "lines", List.of(Map.of("sku", "BASKET", "category", "grocery", "amount", amount))))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);
    }

    static final Instant MARCH_5 = Instant.parse("2026-03-05T04:00:00Z");

    @Test
    void theDailyEarningCapCutsWhatIsOverItAndSaysSoInTheStatement() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("dailyEarnCap", 300));
        buy(shop, "p-1", "ann", MARCH_5, "200.00").body("totalPoints", equalTo(200));
        buy(shop, "p-2", "ann", MARCH_5.plusSeconds(60), "200.00").body("totalPoints", equalTo(100))
                .body("awards.find { it.family == 'CAP' }.points", equalTo(-100))
                .body("awards.find { it.family == 'CAP' }.rule", equalTo("policy: daily earning cap"))
                .body("balance", equalTo(300));
        buy(shop, "p-3", "ann", MARCH_5.plusSeconds(86_400), "50.00").body("totalPoints", equalTo(50));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann/statement").then()
                .body("items.find { it.family == 'CAP' }.reason", containsString("daily earning cap of 300"));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void theDailyCapCountsTheWholeDayWhateverOrderItsPurchasesArriveIn() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("dailyEarnCap", 300));
        buy(shop, "evening", "eli", MARCH_5.plusSeconds(6 * 3600), "250.00").body("totalPoints", equalTo(250));
        buy(shop, "morning", "eli", MARCH_5.minusSeconds(3 * 3600), "250.00").body("totalPoints", equalTo(50));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aMemberWhomNoTierRuleQualifiesFallsToTheLowestTierAtTheReview() {
        Api.TestMerchant shop = Api.newMerchant();
        RuleFile onlyGold = RuleFile.text("tier-qualification.dslr", ReferenceProgram.ruleFile("tier-qualification.dslr")
                .text().replaceAll("(?s)rule \"silver from.*?\nend\n", "").replaceAll("(?s)rule \"regular below.*?\nend\n", ""));
        int version = Api.upload(shop, RuleSets.with(ReferenceProgram.ruleSet(), List.of(onlyGold), List.of()));
        as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation").then().statusCode(200);
        as(shop.integrator()).body(Map.of("tier", "GOLD")).put("/merchants/" + shop.code() + "/members/gus").then().statusCode(201);

        reviews.reviewDue(ZonedDateTime.now(ZoneOffset.UTC).plusMonths(13).toInstant());

        as(shop.qa()).get("/merchants/" + shop.code() + "/members/gus").then().body("tier", equalTo("REGULAR"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/gus/tier-history").then()
                .body("items[1].cause", equalTo("REVIEW")).body("items[1].reason", containsString("lowest tier"));
    }

    @Test
    void aTierTheMerchantDoesNotNameIsRefused() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        as(shop.integrator()).body(Map.of("tier", "PLATINUM")).put("/merchants/" + shop.code() + "/members/hal")
                .then().statusCode(422).body("errors[0].field", equalTo("tier"));
    }

    @Test
    void aNegativeBalanceLeavesRoomUnderTheAccountCap() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("accountCap", 1000, "refundShortfall", "ALLOW_NEGATIVE"));
        buy(shop, "p-1", "ida", MARCH_5, "500.00");
        as(shop.integrator()).body(Map.of("debitId", "d-1", "points", 500, "reason", "blender"))
                .post("/merchants/" + shop.code() + "/members/ida/debits").then().statusCode(201);
        as(shop.integrator()).body(Map.of("refundId", "r-1", "purchaseId", "p-1"))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201).body("balance", equalTo(-500));
        buy(shop, "p-2", "ida", MARCH_5.plusSeconds(86_400), "1200.00").body("totalPoints", equalTo(1200))
                .body("balance", equalTo(700));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aTransactionFromTheFutureIsRefused() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        as(shop.integrator()).body(Map.of("transactionId", "f-1", "memberId", "jo", "occurredAt",
                        Instant.now().plus(Duration.ofHours(1)).toString(), "total", "10.00"))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(422)
                .body("errors[0].field", equalTo("occurredAt"));
        // a little clock skew is not the future: spendable at once
        as(shop.integrator()).body(Map.of("transactionId", "f-2", "memberId", "jo", "occurredAt",
                        Instant.now().plusSeconds(60).toString(), "type", "REGISTER"))
                .post("/merchants/" + shop.code() + "/events").then().statusCode(201)
                .body("balance", equalTo(50)).body("pending", equalTo(0));
    }

    @Test
    void theAccountCapStopsABalanceGrowingPastIt() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("accountCap", 500));
        buy(shop, "p-1", "bo", MARCH_5, "400.00").body("totalPoints", equalTo(400));
        buy(shop, "p-2", "bo", MARCH_5.plusSeconds(60), "300.00").body("totalPoints", equalTo(100))
                .body("awards.find { it.family == 'CAP' }.rule", equalTo("policy: account cap"))
                .body("balance", equalTo(500));
        as(shop.integrator()).body(Map.of("adjustmentId", "adj-1", "points", 1, "reason", "goodwill"))
                .post("/merchants/" + shop.code() + "/members/bo/adjustments").then().statusCode(409)
                .body("type", endsWith("/account-cap"));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aPurchaseUpgradesAtOnceAndThePeriodEndReviewDowngradesOnRolling12MonthSpend() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        Instant yesterday = Instant.now().minusSeconds(86_400);
        buy(shop, "small", "cy", yesterday, "100.00");
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/cy").then().body("tier", equalTo("REGULAR"));
        buy(shop, "big", "cy", yesterday.plusSeconds(60), "5000.00").body("tierDecision.to", equalTo("SILVER"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/cy").then().body("tier", equalTo("SILVER"))
                .body("tierReviewAt", notNullValue());

        reviews.reviewDue(ZonedDateTime.now(ZoneOffset.UTC).plusMonths(13).toInstant());

        as(shop.qa()).get("/merchants/" + shop.code() + "/members/cy").then().body("tier", equalTo("REGULAR"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/cy/tier-history").then().statusCode(200)
                .body("items.to", contains("REGULAR", "SILVER", "REGULAR"))
                .body("items.cause", contains("PURCHASE", "PURCHASE", "REVIEW"))
                .body("items[1].transactionId", equalTo("big"))
                .body("items[1].rule", equalTo("silver from 5000 yuan of qualifying spend"))
                .body("items[2].reason", containsString("below 5000"));
    }

    @Test
    void aMemberWhoKeepsSpendingRetainsTheTierForANewPeriod() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        as(shop.integrator()).body(Map.of("tier", "SILVER")).put("/merchants/" + shop.code() + "/members/dee")
                .then().statusCode(201);
        Instant reviewAt = ZonedDateTime.now(ZoneOffset.UTC).plusMonths(12).plusDays(1).toInstant();
        clock.advance(Duration.ofDays(330)); // eleven months on, the member spends again
        buy(shop, "late", "dee", clock.instant(), "6000.00");

        reviews.reviewDue(reviewAt);

        as(shop.qa()).get("/merchants/" + shop.code() + "/members/dee").then().body("tier", equalTo("SILVER"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/dee/tier-history").then()
                .body("items.cause", contains("MANUAL", "REVIEW_RETAINED"))
                .body("items[1].from", equalTo("SILVER")).body("items[1].to", equalTo("SILVER"));
        assertThat(reviews.reviewDue(reviewAt)).as("reviewed once per period").isZero();
    }
}
