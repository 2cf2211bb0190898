package io.jifen.admin.ledger;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class AdjustmentsFreezeAndTransfersTest {

    static Map<String, Object> transfersOn = Map.of("enabled", true, "min", 10, "max", 500);

    static ValidatableResponse adjust(Api.TestMerchant shop, String member, String id, long points, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("adjustmentId", id, "points", points));
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(shop.integrator()).body(body).post("/merchants/" + shop.code() + "/members/" + member + "/adjustments").then();
    }

    static ValidatableResponse transfer(Api.TestMerchant shop, String id, String from, String to, long points) {
        return as(shop.integrator()).body(Map.of("transferId", id, "fromMemberId", from, "toMemberId", to, "points", points,
                "reason", "family pooling")).post("/merchants/" + shop.code() + "/transfers").then();
    }

    static void enrol(Api.TestMerchant shop, String member) {
        as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(201);
    }

    @Test
    void aManualAdjustmentNeedsAReasonAndIsRecordedWithTheKeyThatMadeIt() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        enrol(shop, "ann");
        adjust(shop, "ann", "adj-0", 100, null).statusCode(422).body("errors[0].field", equalTo("reason"));
        adjust(shop, "ann", "adj-1", 100, "goodwill: late delivery").statusCode(201).body("balance", equalTo(100));
        adjust(shop, "ann", "adj-1", 100, "goodwill: late delivery").statusCode(200).header("Idempotent-Replayed", "true");
        adjust(shop, "ann", "adj-2", -150, "duplicate goodwill").statusCode(409).body("type", endsWith("/insufficient-points"));
        adjust(shop, "ann", "adj-huge", Long.MAX_VALUE, "overflow").statusCode(422).body("errors[0].field", equalTo("points"));
        adjust(shop, "ann", "adj-3", -40, "duplicate goodwill").statusCode(201).body("balance", equalTo(60))
                .body("takenFrom[0].points", equalTo(40));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann/statement").then()
                .body("items.kind", everyItem(equalTo("ADJUST")))
                .body("items.reason", hasItems("goodwill: late delivery", "duplicate goodwill"))
                .body("items.transactionKind", everyItem(equalTo("ADJUSTMENT")));
        long recordedWithAKey = LedgerInvariants.scalar("select count(*) from loyalty_transaction t join api_key k"
                + " on k.id = t.actor_key_id and k.role = 'INTEGRATOR' where t.external_id in ('adj-1', 'adj-3')");
        assertThat(recordedWithAKey).isEqualTo(2);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aFrozenMemberKeepsEarningButCannotSpendOrTransferUntilUnfrozen() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("transfers", transfersOn));
        enrol(shop, "bo");
        adjust(shop, "bo", "adj-bo", 200, "welcome").statusCode(201);
        enrol(shop, "cy");
        as(shop.integrator()).body(Map.of()).post("/merchants/" + shop.code() + "/members/bo/freeze").then()
                .statusCode(422).body("errors[0].field", equalTo("reason"));
        as(shop.integrator()).body(Map.of("reason", "chargeback under investigation"))
                .post("/merchants/" + shop.code() + "/members/bo/freeze").then().statusCode(204);
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo").then()
                .body("status", equalTo("FROZEN")).body("frozenReason", equalTo("chargeback under investigation"));

        as(shop.integrator()).body(Map.of("transactionId", "p-frozen", "memberId", "bo", "occurredAt", "2026-03-05T04:00:00Z",
                        "total", "50.00"))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201).body("balance", equalTo(250));
        as(shop.integrator()).body(Map.of("debitId", "d-frozen", "points", 10, "reason", "voucher"))
                .post("/merchants/" + shop.code() + "/members/bo/debits").then().statusCode(409)
                .body("type", endsWith("/member-frozen"));
        transfer(shop, "t-frozen-out", "bo", "cy", 50).statusCode(409).body("type", endsWith("/member-frozen"));
        transfer(shop, "t-frozen-in", "cy", "bo", 50).statusCode(409);

        as(shop.integrator()).body(Map.of("reason", "cleared"))
                .post("/merchants/" + shop.code() + "/members/bo/unfreeze").then().statusCode(204);
        transfer(shop, "t-after", "bo", "cy", 50).statusCode(201).body("balance", equalTo(200))
                .body("counterpartyBalance", equalTo(50));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.action", hasItems("member.frozen", "member.unfrozen"));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void freezingThroughTheMemberUpdateNeedsAReasonToo() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        enrol(shop, "fay");
        as(shop.integrator()).body(Map.of("status", "FROZEN")).put("/merchants/" + shop.code() + "/members/fay")
                .then().statusCode(422).body("errors[0].field", equalTo("statusReason"));
        as(shop.integrator()).body(Map.of("status", "FROZEN", "statusReason", "card reported stolen"))
                .put("/merchants/" + shop.code() + "/members/fay").then().statusCode(200)
                .body("status", equalTo("FROZEN")).body("frozenReason", equalTo("card reported stolen"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.find { it.action == 'member.frozen' }.details", equalTo("card reported stolen"));
    }

    @Test
    void transfersFollowThePolicyAndTheReceivedPointsKeepTheirExpiry() {
        Api.TestMerchant closed = Api.merchantOnReferenceProgram();
        enrol(closed, "a");
        adjust(closed, "a", "adj-a", 100, "welcome").statusCode(201);
        enrol(closed, "b");
        transfer(closed, "t-0", "a", "b", 50).statusCode(409).body("type", endsWith("/transfers-disabled"));

        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("transfers", transfersOn));
        as(shop.integrator()).body(Map.of("transactionId", "p-a", "memberId", "a", "occurredAt", "2026-03-05T04:00:00Z",
                "total", "300.00")).post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);
        enrol(shop, "b");
        transfer(shop, "t-1", "a", "b", 5).statusCode(422).body("errors[0].field", equalTo("points"));
        transfer(shop, "t-2", "a", "b", 501).statusCode(422).body("errors[0].field", equalTo("points"));
        transfer(shop, "t-3", "a", "a", 50).statusCode(422).body("errors[0].field", equalTo("toMemberId"));
        transfer(shop, "t-4", "a", "ghost", 50).statusCode(404);
        transfer(shop, "t-5", "a", "b", 120).statusCode(201).body("balance", equalTo(180))
                .body("counterpartyBalance", equalTo(120)).body("takenFrom[0].expiresAt", equalTo("2027-03-05T16:00:00Z"));
        transfer(shop, "t-5", "a", "b", 120).statusCode(200).header("Idempotent-Replayed", "true");
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/b/expiring?days=366").then().statusCode(200);
        long sameExpiry = LedgerInvariants.scalar("select count(*) from point_lot l join member m on m.id = l.member_id"
                + " join merchant mc on mc.id = m.merchant_id where mc.code = '" + shop.code() + "' and m.external_id = 'b'"
                + " and l.expires_at = timestamptz '2027-03-05T16:00:00Z' and l.points = 120");
        assertThat(sameExpiry).as("the received lot keeps the sender's expiry").isEqualTo(1);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void opposingTransfersRacingBetweenTwoMembersNeverDeadlockAndLoseNoPoint() throws Exception {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("transfers", transfersOn));
        enrol(shop, "x");
        enrol(shop, "y");
        adjust(shop, "x", "adj-x", 1000, "seed").statusCode(201);
        adjust(shop, "y", "adj-y", 1000, "seed").statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                boolean forth = i % 2 == 0;
                String id = "race-" + i;
                calls.add(() -> as(shop.integrator()).body(Map.of("transferId", id, "fromMemberId", forth ? "x" : "y",
                        "toMemberId", forth ? "y" : "x", "points", 10 + (forth ? 1 : 0)))
                        .post("/merchants/" + shop.code() + "/transfers"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().statusCode());
            }
            assertThat(statuses).containsOnly(201);
        } finally {
            pool.shutdownNow();
        }
        long x = ((Number) as(shop.qa()).get("/merchants/" + shop.code() + "/members/x").then().extract().path("balance")).longValue();
        long y = ((Number) as(shop.qa()).get("/merchants/" + shop.code() + "/members/y").then().extract().path("balance")).longValue();
        assertThat(x + y).isEqualTo(2000);
        assertThat(x).isEqualTo(1000 - 40 * 11 + 40 * 10);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }
}
