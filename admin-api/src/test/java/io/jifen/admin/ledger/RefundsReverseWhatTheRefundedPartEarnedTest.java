package io.jifen.admin.ledger;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * 10 November 2026 in Shanghai is member day inside the year-end campaign: four bottles of oil at
 * 130 yuan earn 520 base + 520 member day + 100 threshold bonus = 1140 points.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RefundsReverseWhatTheRefundedPartEarnedTest {
    static final String MEMBER_DAY = "2026-11-10T03:00:00Z";

    static Map<String, Object> oilPurchase(String id, String member) {
        return Map.of("transactionId", id, "memberId", member, "occurredAt", MEMBER_DAY, "total", "520.00",
                "lines", List.of(Map.of("sku", "OIL-5L", "category", "grocery", "quantity", 4, "unitPrice", "130.00")));
    }

    static void buyOil(Api.TestMerchant shop, String id, String member) {
        as(shop.integrator()).body(oilPurchase(id, member)).post("/merchants/" + shop.code() + "/purchases")
                .then().statusCode(201).body("totalPoints", equalTo(1140));
    }

    static ValidatableResponse refund(Api.TestMerchant shop, Map<String, Object> body) {
        return as(shop.integrator()).body(body).post("/merchants/" + shop.code() + "/refunds").then();
    }

    @Test
    void returningOneBottleReversesItsPointsAndTheThresholdBonusItCost() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        buyOil(shop, "order-1", "lin");

        refund(shop, Map.of("refundId", "r-1", "purchaseId", "order-1",
                "lines", List.of(Map.of("sku", "OIL-5L", "quantity", 1)), "reason", "leaking bottle"))
                .statusCode(201)
                .body("refundedAmount", equalTo("130")).body("remainingAmount", equalTo("390"))
                .body("pointsKept", equalTo(780)).body("pointsReversed", equalTo(360))
                .body("ruleVersion", equalTo(1)).body("balance", equalTo(780))
                .body("remainingAwards.family", not(hasItem("THRESHOLD")));

        refund(shop, Map.of("refundId", "r-2", "purchaseId", "order-1", "reason", "the rest went back too"))
                .statusCode(201).body("refundedAmount", equalTo("390")).body("pointsReversed", equalTo(780))
                .body("balance", equalTo(0));

        refund(shop, Map.of("refundId", "r-3", "purchaseId", "order-1")).statusCode(409)
                .body("type", endsWith("/already-refunded"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/lin/statement").then()
                .body("items.findAll { it.kind == 'REVERSE' }.transactionId", contains("r-2", "r-1"));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void refundsByAmountAndThenByLinesOnAMultiLineBasketKeepTheLinesAddingUp() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        as(shop.integrator()).body(Map.of("transactionId", "basket", "memberId", "kim", "occurredAt", "2026-03-05T04:00:00Z",
                        "total", "1000.00", "lines", List.of(
                                Map.of("sku", "OIL-5L", "category", "grocery", "quantity", 4, "unitPrice", "130.00"),
                                Map.of("sku", "RICE", "category", "grocery", "quantity", 1, "amount", "480.00"))))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201).body("totalPoints", equalTo(1000));
        as(shop.integrator()).body(Map.of("transactionId", "three", "memberId", "kim", "occurredAt", "2026-03-05T05:00:00Z",
                        "total", "3.00", "lines", List.of(Map.of("sku", "A", "category", "grocery", "amount", "1.00"),
                                Map.of("sku", "B", "category", "grocery", "amount", "1.00"),
                                Map.of("sku", "C", "category", "grocery", "amount", "1.00"))))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201).body("totalPoints", equalTo(3));

        refund(shop, Map.of("refundId", "third", "purchaseId", "three", "amount", "1.00")).statusCode(201)
                .body("remainingAmount", equalTo("2")).body("pointsReversed", equalTo(1));
        refund(shop, Map.of("refundId", "half", "purchaseId", "basket", "amount", "500.00")).statusCode(201)
                .body("remainingAmount", equalTo("500")).body("pointsReversed", equalTo(500));
        // three of the four bottles, priced on what is left of their line (260 yuan), not on the 520 paid
        refund(shop, Map.of("refundId", "bottles", "purchaseId", "basket",
                "lines", List.of(Map.of("sku", "OIL-5L", "quantity", 3)))).statusCode(201)
                .body("refundedAmount", equalTo("195")).body("remainingAmount", equalTo("305"))
                .body("pointsReversed", equalTo(195));
        refund(shop, Map.of("refundId", "last-bottle", "purchaseId", "basket",
                "lines", List.of(Map.of("sku", "OIL-5L", "quantity", 1)))).statusCode(201)
                .body("refundedAmount", equalTo("65")).body("remainingAmount", equalTo("240"));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aRefundRetriedReturnsTheSameResultAndAnotherPayloadUnderItsIdIsAConflict() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        buyOil(shop, "order-2", "mo");
        Map<String, Object> refund = Map.of("refundId", "r-9", "purchaseId", "order-2", "amount", "100.00");
        String first = refund(shop, refund).statusCode(201).extract().asString();
        refund(shop, refund).statusCode(200).header("Idempotent-Replayed", "true").body(equalTo(first));
        refund(shop, Map.of("refundId", "r-9", "purchaseId", "order-2", "amount", "101.00")).statusCode(409)
                .body("type", endsWith("/transaction-id-reused"));
        // 420 yuan remain: 420 + 420 member day, no bonus below 500
        refund(shop, Map.of("refundId", "r-10", "purchaseId", "order-2", "amount", "0.001")).statusCode(422)
                .body("errors[0].field", equalTo("amount"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/mo").then().body("balance", equalTo(840));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void spentPointsAreTakenFromWhatIsThereAndTheShortfallRecordedByDefault() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        buyOil(shop, "order-3", "ned");
        as(shop.integrator()).body(Map.of("debitId", "mall-1", "points", 1000, "reason", "rice cooker"))
                .post("/merchants/" + shop.code() + "/members/ned/debits").then().statusCode(201);
        refund(shop, Map.of("refundId", "r-30", "purchaseId", "order-3")).statusCode(201)
                .body("pointsReversed", equalTo(140)).body("shortfall", equalTo(1000)).body("balance", equalTo(0));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void underAllowNegativeTheBalanceGoesNegativeAndTheNextEarningPaysItBack() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("refundShortfall", "ALLOW_NEGATIVE"));
        buyOil(shop, "order-4", "ola");
        as(shop.integrator()).body(Map.of("debitId", "mall-2", "points", 1000, "reason", "rice cooker"))
                .post("/merchants/" + shop.code() + "/members/ola/debits").then().statusCode(201);
        refund(shop, Map.of("refundId", "r-40", "purchaseId", "order-4")).statusCode(201)
                .body("pointsReversed", equalTo(1140)).body("shortfall", equalTo(0)).body("balance", equalTo(-1000));
        as(shop.integrator()).body(Map.of("transactionId", "order-5", "memberId", "ola", "occurredAt", "2026-03-05T04:00:00Z",
                        "total", "1200.00", "lines", List.of(Map.of("sku", "TV", "category", "grocery", "amount", "1200.00"))))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201).body("balance", equalTo(200));
        as(shop.integrator()).body(Map.of("debitId", "mall-3", "points", 201, "reason", "too much"))
                .post("/merchants/" + shop.code() + "/members/ola/debits").then().statusCode(409);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aRefundInsideTheReturnWindowCancelsPendingPointsFirst() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("pendingDays", 365));
        as(shop.integrator()).body(oilPurchase("order-6", "pia")).post("/merchants/" + shop.code() + "/purchases")
                .then().statusCode(201).body("pending", equalTo(1140)).body("balance", equalTo(0));
        refund(shop, Map.of("refundId", "r-60", "purchaseId", "order-6",
                "lines", List.of(Map.of("sku", "OIL-5L", "quantity", 5)))).statusCode(422)
                .body("errors[0].field", equalTo("lines[0].quantity"));
        refund(shop, Map.of("refundId", "r-61", "purchaseId", "order-6",
                "lines", List.of(Map.of("sku", "OIL-5L", "quantity", 2)))).statusCode(201)
                .body("pointsReversed", equalTo(620)).body("pending", equalTo(520)).body("balance", equalTo(0));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/pia/statement").then()
                .body("items[0].bucket", equalTo("PENDING")).body("items[0].kind", equalTo("REVERSE"));
        refund(shop, Map.of("refundId", "r-62", "purchaseId", "nope")).statusCode(404);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }
}
