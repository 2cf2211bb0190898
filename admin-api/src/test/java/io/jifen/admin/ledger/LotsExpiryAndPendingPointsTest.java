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
import java.time.ZoneId;
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

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** When points earned at {@code at} expire under the default policy (rolling 12 months, Shanghai). */
    static Instant expiryOf(Instant at) {
        return at.atZone(SHANGHAI).toLocalDate().plusMonths(12).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    }

    @Test
    void spendingTakesThePointsThatExpireFirstAndTheJobExpiresWhatIsLeftOnce() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();  // rolling 12 months
        Instant older = Instant.now().minus(Duration.ofDays(350));
        buy(shop, "old", "ann", older.toString(), "100.00");
        buy(shop, "new", "ann", Instant.now().minus(Duration.ofDays(10)).toString(), "50.00");
        as(shop.integrator()).body(Map.of("debitId", "d-1", "points", 30, "reason", "coffee voucher"))
                .post("/merchants/" + shop.code() + "/members/ann/debits").then().statusCode(201)
                .body("points", equalTo(-30)).body("balance", equalTo(120))
                .body("takenFrom", hasSize(1)).body("takenFrom[0].points", equalTo(30))
                .body("takenFrom[0].expiresAt", equalTo(expiryOf(older).toString()));

        LotJobs.Run first = jobs.expireDue(expiryOf(older));
        LotJobs.Run again = jobs.expireDue(expiryOf(older));

        assertThat(first.points()).as("points expired by the first run").isGreaterThanOrEqualTo(70);
        assertThat(again.lots()).as("a second run finds nothing left to expire").isZero();
        assertThat(balance(shop, "ann")).isEqualTo(50);
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann/statement").then().statusCode(200)
                .body("items[0].kind", equalTo("EXPIRE"))
                .body("items[0].points", equalTo(-70))
                .body("items[0].transactionId", equalTo("old"))
                .body("items[0].reason", containsString("earned on " + older.atZone(SHANGHAI).toLocalDate()))
                .body("items[0].balanceAfter", equalTo(50));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void pointsPastTheirExpiryCannotBeSpentEvenBeforeTheJobReachesThem() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        buy(shop, "stale", "eve", Instant.now().minus(Duration.ofDays(400)).toString(), "100.00");
        buy(shop, "fresh", "eve", Instant.now().minus(Duration.ofDays(1)).toString(), "50.00");
        assertThat(balance(shop, "eve")).as("the job has not run yet").isEqualTo(150);
        as(shop.integrator()).body(Map.of("debitId", "d-stale", "points", 60, "reason", "voucher"))
                .post("/merchants/" + shop.code() + "/members/eve/debits").then().statusCode(409)
                .body("type", endsWith("/insufficient-points")).body("detail", containsString("50 spendable"));
        as(shop.integrator()).body(Map.of("debitId", "d-fresh", "points", 50, "reason", "voucher"))
                .post("/merchants/" + shop.code() + "/members/eve/debits").then().statusCode(201).body("balance", equalTo(0));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/eve/statement").then()
                .body("items.kind", hasItem("EXPIRE"));
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
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo/expiring?days=0").then().statusCode(400)
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
                .body("items.kind", hasItems("RELEASE", "EARN"))
                .body("items.find { it.kind == 'RELEASE' && it.bucket == 'PENDING' }.points", equalTo(-100));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }
}
