package io.jifen.admin.ledger;

import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class DebitCancellationTest {
    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    static void buy(Api.TestMerchant shop, String id, String member, Instant at, String amount) {
        LotsExpiryAndPendingPointsTest.buy(shop, id, member, at.toString(), amount);
    }

    static ValidatableResponse cancel(Api.TestMerchant shop, String member, String debit, String id) {
        return as(shop.integrator()).body(Map.of("cancellationId", id, "reason", "order cancelled"))
                .post("/merchants/" + shop.code() + "/members/" + member + "/debits/" + debit + "/cancellation").then();
    }

    @Test
    void aCancelledDebitGivesThePointsBackToTheLotsTheyCameFromOnce() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        Instant earned = Instant.now().minus(Duration.ofDays(100));
        buy(shop, "p-1", "ann", earned, "80.00");
        int lot = as(shop.integrator()).body(Map.of("debitId", "d-1", "points", 50, "reason", "blender"))
                .post("/merchants/" + shop.code() + "/members/ann/debits").then().statusCode(201)
                .extract().path("takenFrom[0].lotId");

        String first = cancel(shop, "ann", "d-1", "c-1").statusCode(201)
                .body("points", equalTo(50)).body("expiredMeanwhile", equalTo(0)).body("balance", equalTo(80))
                .extract().asString();
        cancel(shop, "ann", "d-1", "c-1").statusCode(200).body(equalTo(first));
        cancel(shop, "ann", "d-1", "c-2").statusCode(409).body("type", endsWith("/already-cancelled"));
        cancel(shop, "ann", "nope", "c-3").statusCode(404);

        long remaining = LedgerInvariants.scalar("select remaining from point_lot where id = " + lot);
        assertThat(remaining).as("the points are back in their own lot, with its expiry").isEqualTo(80);
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann/statement").then()
                .body("items[0].kind", equalTo("RESTORE")).body("items[0].points", equalTo(50));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void pointsComingBackSettleTheShortfallOfARefundFirst() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        buy(shop, "p-s", "cy", Instant.now().minus(Duration.ofDays(3)), "100.00");
        as(shop.integrator()).body(Map.of("debitId", "d-s", "points", 100, "reason", "toaster"))
                .post("/merchants/" + shop.code() + "/members/cy/debits").then().statusCode(201);
        as(shop.integrator()).body(Map.of("refundId", "r-s", "purchaseId", "p-s"))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201).body("shortfall", equalTo(100));

        cancel(shop, "cy", "d-s", "c-s").statusCode(201)
                .body("points", equalTo(100)).body("settledShortfall", equalTo(100)).body("balance", equalTo(0));

        long open = LedgerInvariants.scalar("select shortfall - shortfall_settled from loyalty_transaction t"
                + " join merchant mc on mc.id = t.merchant_id where mc.code = '" + shop.code() + "' and t.external_id = 'r-s'");
        assertThat(open).as("the refund's shortfall is settled").isZero();
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void pointsWhoseLotExpiredBeforeTheCancellationStayExpired() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        buy(shop, "p-old", "bo", Instant.now().minus(Duration.ofDays(355)), "100.00"); // expires in about 10 days
        buy(shop, "p-new", "bo", Instant.now().minus(Duration.ofDays(1)), "20.00");
        as(shop.integrator()).body(Map.of("debitId", "d-2", "points", 40, "reason", "kettle"))
                .post("/merchants/" + shop.code() + "/members/bo/debits").then().statusCode(201)
                .body("takenFrom[0].points", equalTo(40));

        clock.advance(Duration.ofDays(15));

        cancel(shop, "bo", "d-2", "c-20").statusCode(201)
                .body("points", equalTo(0)).body("expiredMeanwhile", equalTo(40)).body("balance", equalTo(20));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }
}
