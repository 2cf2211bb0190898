package io.jifen.admin.ledger;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class LotsExpiryAndPendingPointsTest {
    @Inject
    LotJobs jobs;

    static Map<String, Object> purchase(String id, String member, Instant at, String amount) {
        return Map.of("transactionId", id, "memberId", member, "occurredAt", at.toString(), "total", amount,
                "lines", List.of(Map.of("sku", "RICE", "category", "grocery", "quantity", 1, "amount", amount)));
    }

    static void buy(Api.TestMerchant shop, String id, String member, String at, String amount) {
        as(shop.integrator()).body(purchase(id, member, Instant.parse(at), amount))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);
    }

    static long balance(Api.TestMerchant shop, String member) {
        return ((Number) as(shop.qa()).get("/merchants/" + shop.code() + "/members/" + member).then().statusCode(200)
                .extract().path("balance")).longValue();
    }

    @Test
    void spendingTakesThePointsThatExpireFirstAndTheJobExpiresWhatIsLeftOnce() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();  // rolling 12 months
        buy(shop, "old", "ann", "2025-03-05T04:00:00Z", "100.00");   // valid through 2026-03-05
        buy(shop, "new", "ann", "2026-03-05T04:00:00Z", "50.00");    // valid through 2027-03-05
        as(shop.integrator()).body(Map.of("debitId", "d-1", "points", 30, "reason", "coffee voucher"))
                .post("/merchants/" + shop.code() + "/members/ann/debits").then().statusCode(201)
                .body("points", equalTo(-30)).body("balance", equalTo(120))
                .body("takenFrom", hasSize(1)).body("takenFrom[0].points", equalTo(30))
                .body("takenFrom[0].expiresAt", equalTo("2026-03-05T16:00:00Z")); // start of 6 March in Shanghai

        LotJobs.Run first = jobs.expireDue(Instant.parse("2026-03-05T16:00:00Z"));
        LotJobs.Run again = jobs.expireDue(Instant.parse("2026-03-05T16:00:00Z"));

        assertThat(first.points()).as("points expired by the first run").isGreaterThanOrEqualTo(70);
        assertThat(again.lots()).as("a second run finds nothing left to expire").isZero();
        assertThat(balance(shop, "ann")).isEqualTo(50);
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann/statement").then().statusCode(200)
                .body("entries[0].kind", equalTo("EXPIRE"))
                .body("entries[0].points", equalTo(-70))
                .body("entries[0].transactionId", equalTo("old"))
                .body("entries[0].reason", containsString("earned on 2025-03-05"))
                .body("entries[0].balanceAfter", equalTo(50));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void membersAndMerchantsSeeThePointsExpiringInTheNextThirtyDays() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        Instant soon = Instant.now().minus(Duration.ofDays(365 - 10));  // expires in about 10 days
        buy(shop, "soon", "bo", soon.toString(), "80.00");
        buy(shop, "later", "bo", Instant.now().minus(Duration.ofDays(100)).toString(), "40.00");
        buy(shop, "soon-too", "cy", soon.toString(), "20.00");
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo/expiring?days=30").then().statusCode(200)
                .body("points", equalTo(80)).body("byDay", hasSize(1)).body("byDay[0].points", equalTo(80));
        as(shop.integrator()).get("/merchants/" + shop.code() + "/expiring").then().statusCode(200)
                .body("days", equalTo(30)).body("points", equalTo(100)).body("byDay[0].members", equalTo(2));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo/expiring?days=0").then().statusCode(422)
                .body("errors[0].field", equalTo("days"));
    }

    @Test
    void pointsAreHeldThroughTheReturnWindowAndReleasedOnceAfterIt() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("pendingDays", 7));
        Instant bought = Instant.now().minus(Duration.ofDays(1));
        as(shop.integrator()).body(purchase("held", "dee", bought, "100.00"))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201)
                .body("totalPoints", equalTo(100)).body("balance", equalTo(0)).body("pending", equalTo(100))
                .body("heldUntil", equalTo(bought.plus(Duration.ofDays(7)).toString()));
        as(shop.integrator()).body(Map.of("debitId", "too-early", "points", 10, "reason", "try"))
                .post("/merchants/" + shop.code() + "/members/dee/debits").then().statusCode(409)
                .body("type", endsWith("/insufficient-points"));
        // an event is not returnable: its points are spendable at once
        as(shop.integrator()).body(Map.of("transactionId", "reg", "memberId", "dee", "type", "REGISTER",
                        "occurredAt", bought.toString()))
                .post("/merchants/" + shop.code() + "/events").then().statusCode(201).body("pending", equalTo(100));

        assertThat(jobs.releaseDue(bought.plus(Duration.ofDays(6))).lots()).isZero();
        LotJobs.Run released = jobs.releaseDue(bought.plus(Duration.ofDays(7)));
        assertThat(jobs.releaseDue(bought.plus(Duration.ofDays(8))).lots()).as("released once").isZero();

        assertThat(released.points()).isGreaterThanOrEqualTo(100);
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/dee").then()
                .body("balance", equalTo(150)).body("pending", equalTo(0));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/dee/statement").then()
                .body("entries.kind", hasItems("RELEASE", "EARN"))
                .body("entries.find { it.kind == 'RELEASE' && it.bucket == 'PENDING' }.points", equalTo(-100));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }
}
