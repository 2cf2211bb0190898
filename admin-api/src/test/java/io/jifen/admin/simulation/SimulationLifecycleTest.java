package io.jifen.admin.simulation;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.HeldSimulations;
import io.jifen.engine.impact.ImpactCsv;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.simulation.SimulationFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** A run as a stored job: queued, running, cancelled, resumed after a restart, failing transactions, access. */
@QuarkusTest
class SimulationLifecycleTest {
    private static final String FROM = "2026-03-01T00:00:00+08:00";
    private static final String TO = "2026-04-01T00:00:00+08:00";

    @Inject
    HeldSimulations held;

    @Inject
    SimulationRunner runner;

    @Inject
    EntityManager em;

    /** A merchant on one rule (1 point a yuan) with five purchases in March 2026. */
    private static Api.TestMerchant fivePurchases() {
        Api.TestMerchant shop = Api.newMerchant();
        activate(shop, upload(shop, earning(1, "")));
        for (int i = 1; i <= 5; i++) {
            purchase(shop, "p" + i, "m" + (i % 2), "2026-03-0" + i + "T04:00:00Z", i + "00.00");
        }
        return shop;
    }

    private static String path(Api.TestMerchant shop) {
        return "/merchants/" + shop.code() + "/simulations";
    }

    @Test
    void aWindowWithNoTransactionsFinishesWithZeros() {
        Api.TestMerchant shop = fivePurchases();
        Response started = as(shop.qa()).body(request(1, "2026-06-01T00:00:00+08:00", "2026-06-08T00:00:00+08:00", null))
                .post(path(shop));
        started.then().statusCode(202).body("status", oneOf("QUEUED", "RUNNING", "SUCCEEDED"))
                .body("candidateVersion", equalTo(1)).body("baseline.kind", equalTo("POSTED"))
                .body("baseline.version", nullValue()).body("top", equalTo(20)).body("report", nullValue());
        long id = started.jsonPath().getLong("id");
        assertThat(started.header("Location")).endsWith(path(shop) + "/" + id);
        JsonPath run = finished(shop, id);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getLong("progress.total")).isZero();
        assertThat(run.getLong("progress.processed")).isZero();
        assertThat(run.getDouble("progress.percent")).isEqualTo(100.0);
        assertThat(run.getDouble("progress.secondsLeft")).isZero();
        assertThat(run.getString("links.report")).endsWith("/report.csv");
        JsonPath r = JsonPath.from(run.prettify()).setRootPath("report");
        assertThat(r.getLong("transactions.purchases") + r.getLong("transactions.events")).isZero();
        assertThat(r.getLong("points.baseline")).isZero();
        assertThat(r.getLong("points.candidate")).isZero();
        assertThat(r.getList("byRule")).isEmpty();
        assertThat(r.getList("byDay.day", String.class)).containsExactly("2026-06-01", "2026-06-02", "2026-06-03",
                "2026-06-04", "2026-06-05", "2026-06-06", "2026-06-07");
        assertThat(r.getList("byDay.baseline", Integer.class)).containsOnly(0);
        assertThat(r.getLong("members.total")).isZero();
        assertThat(r.getList("members.histogram.members", Integer.class)).hasSize(11).containsOnly(0);
        assertThat(r.getList("topChanges")).isEmpty();
        assertThat(r.getLong("failures.count")).isZero();
    }

    @Test
    void aRunningRunIsCancelledMidRunAndTheMerchantMayStartAnotherOnlyThen() throws Exception {
        Api.TestMerchant shop = fivePurchases();
        long id;
        try (HeldSimulations.Hold hold = held.holdAt(2)) {
            id = start(shop, request(1, FROM, TO, null));
            assertThat(hold.awaitHeld()).isEqualTo(id);
            as(shop.qa()).get(path(shop) + "/" + id).then().statusCode(200)
                    .body("status", equalTo("RUNNING")).body("progress.total", equalTo(5))
                    .body("links.cancellation", endsWith("/" + id + "/cancellation"));
            // one run at a time per merchant
            as(shop.marketing()).body(request(1, FROM, TO, null)).post(path(shop)).then().statusCode(409)
                    .contentType("application/problem+json").body("type", endsWith("/simulation-in-progress"))
                    .body("detail", containsString("simulation " + id + " RUNNING"));
            as(shop.marketing()).post(path(shop) + "/" + id + "/cancellation").then().statusCode(202)
                    .body("status", equalTo("RUNNING")).body("cancelRequestedAt", notNullValue())
                    .body("cancelledBy", notNullValue());
        }
        JsonPath run = finished(shop, id);
        assertThat(run.getString("status")).isEqualTo("CANCELLED");
        assertThat(run.getLong("progress.processed")).isEqualTo(2);
        assertThat(run.getString("report")).isNull();
        assertThat(run.getString("links.report")).isNull();
        as(shop.qa()).get(path(shop) + "/" + id + "/report.csv").then().statusCode(409)
                .body("type", endsWith("/report-not-available"));
        as(shop.qa()).post(path(shop) + "/" + id + "/cancellation").then().statusCode(409)
                .body("type", endsWith("/simulation-finished"));
        long next = start(shop, request(1, FROM, TO, null));
        assertThat(finished(shop, next).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void aQueuedRunIsCancelledAtOnce() throws Exception {
        Api.TestMerchant busy = fivePurchases();
        Api.TestMerchant waiting = fivePurchases();
        long first;
        try (HeldSimulations.Hold hold = held.holdAt(1)) {
            first = start(busy, request(1, FROM, TO, null));
            hold.awaitHeld();
            // the one simulation thread is taken: the other merchant's run waits in the queue
            long queued = start(waiting, request(1, FROM, TO, null));
            as(waiting.qa()).get(path(waiting) + "/" + queued).then().body("status", equalTo("QUEUED"))
                    .body("startedAt", nullValue()).body("progress.ratePerSecond", nullValue());
            as(waiting.marketing()).post(path(waiting) + "/" + queued + "/cancellation").then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("finishedAt", notNullValue());
        }
        assertThat(finished(busy, first).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRunLeftRunningByAStoppedServiceIsResumedAndOneStoppedTooOftenIsFailedWithAReason() throws Exception {
        Api.TestMerchant resumed = fivePurchases();
        Api.TestMerchant given = fivePurchases();
        Api.TestMerchant live = fivePurchases();
        long expected = finished(resumed, start(resumed, request(1, FROM, TO, null))).getLong("report.points.baseline");
        assertThat(expected).isEqualTo(1500);
        try (HeldSimulations.Hold hold = held.holdAt(3)) {
            long liveRun = start(live, request(1, FROM, TO, null));
            hold.awaitHeld();
            // what a restart finds: runs RUNNING whose runner is gone (nobody holds their lock)
            long lost = runningRow(resumed, 0);
            long lostAgain = runningRow(given, 3);
            List<Long> changed = runner.recover();
            assertThat(changed).containsExactlyInAnyOrder(lost, lostAgain);
            as(live.qa()).get(path(live) + "/" + liveRun).then().body("status", equalTo("RUNNING"));
            as(resumed.qa()).get(path(resumed) + "/" + lost).then().body("status", equalTo("QUEUED"))
                    .body("restarts", equalTo(1)).body("progress.processed", equalTo(0)).body("error", nullValue());
            as(given.qa()).get(path(given) + "/" + lostAgain).then().body("status", equalTo("FAILED"))
                    .body("restarts", equalTo(3)).body("finishedAt", notNullValue())
                    .body("error", containsString("the service stopped while this run was running, 4 times"));
            runner.sweep();
        }
        JsonPath again = finished(resumed, runningRowId);
        assertThat(again.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(again.getInt("restarts")).isEqualTo(1);
        assertThat(again.getLong("progress.processed")).isEqualTo(5);
        assertThat(again.getLong("report.points.baseline")).isEqualTo(expected);
        assertThat(again.getLong("report.transactions.replayed")).isEqualTo(5);
    }

    private long runningRowId;

    /** A run row as a service that died mid-run leaves it: RUNNING, part done, no runner. */
    private long runningRow(Api.TestMerchant shop, int restarts) {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        insert into simulation_run (merchant_id, status, candidate_version_id, baseline_kind, window_from,
                            window_to, top, created_by, started_at, heartbeat_at, total, processed, restarts)
                        select m.id, 'RUNNING', v.id, 'POSTED', ?2, ?3, 20, 'test', now(), now(), 5, 3, ?4
                        from merchant m join rule_version v on v.merchant_id = m.id and v.number = 1 where m.code = ?1
                        returning id""")
                .setParameter(1, shop.code()).setParameter(2, OffsetDateTime.parse(FROM))
                .setParameter(3, OffsetDateTime.parse(TO)).setParameter(4, restarts).getSingleResult()).longValue());
        if (restarts == 0) {
            runningRowId = id;
        }
        return id;
    }

    @Test
    void transactionsTheCandidateFailsOnAreCountedAndListedAndTheRunGoesOn() {
        Api.TestMerchant shop = Api.newMerchant();
        activate(shop, upload(shop, earning(1, "")));
        purchase(shop, "small", "ann", "2026-03-02T04:00:00Z", "50.00");
        purchase(shop, "big", "ann", "2026-03-03T04:00:00Z", "150.00");
        purchase(shop, "bigger", "bo", "2026-03-03T05:00:00Z", "300.00");
        purchase(shop, "medium", "bo", "2026-03-04T04:00:00Z", "80.00");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            lines.add(Map.of("sku", "S" + i, "category", "grocery", "quantity", 1, "amount", "0.10"));
        }
        as(shop.integrator()).body(Map.of("transactionId", "basket", "memberId", "cy", "occurredAt", "2026-03-05T04:00:00Z",
                "total", "10.10", "lines", lines)).post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);
        as(shop.integrator()).body(Map.of("transactionId", "priced", "memberId", "cy", "occurredAt", "2026-03-06T04:00:00Z",
                "total", "20.00", "currency", "CNY")).post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);
        // the merchant's currency changes: the request that named CNY no longer fits it
        Map<String, Object> body = new HashMap<>(Api.merchantBody(shop.code()));
        body.put("currency", "HKD");
        asAdmin().body(body).put("/merchants/" + shop.code()).then().statusCode(200);

        int candidate = upload(shop, earning(1, """
                rule "broken bonus"
                    ruleflow-group "bonus"
                when
                    Purchase(total > 100)
                then
                    actions.bonus(-5, "BROKEN", "a negative bonus");
                end

                rule "every pair of lines"
                    ruleflow-group "bonus"
                when
                    $a : LineItem()
                    $b : LineItem()
                then
                    actions.bonus(0, "PAIRS", "a pair of lines");
                end
                """));
        JsonPath run = finished(shop, start(shop, request(candidate, FROM, TO, null)));
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        JsonPath r = JsonPath.from(run.prettify()).setRootPath("report");
        assertThat(r.getLong("transactions.purchases")).isEqualTo(6);
        assertThat(r.getLong("transactions.replayed")).isEqualTo(2);
        assertThat(r.getLong("transactions.failed")).isEqualTo(4);
        assertThat(r.getLong("points.baseline")).isEqualTo(130);
        assertThat(r.getLong("points.change")).isZero();
        assertThat(r.getLong("failures.count")).isEqualTo(4);
        assertThat(r.getLong("failures.baselinePoints")).isEqualTo(150 + 300 + 10 + 20);
        assertThat(r.getMap("failures.byKind")).containsEntry("RULE_ERROR", 2).containsEntry("FIRING_LIMIT", 1)
                .containsEntry("REFUSED", 1);
        assertThat(r.getList("failures.listed.transactionId", String.class))
                .containsExactlyInAnyOrder("big", "bigger", "basket", "priced");
        Map<String, Object> big = r.getMap("failures.listed.find { it.transactionId == 'big' }");
        assertThat(big).containsEntry("memberId", "ann").containsEntry("side", "CANDIDATE")
                .containsEntry("failure", "RULE_ERROR").containsEntry("rule", "broken bonus");
        assertThat((String) big.get("reason")).contains("must not be negative");
        assertThat(r.getString("failures.listed.find { it.transactionId == 'priced' }.reason")).contains("currency");
        assertThat(r.getMap("failures.groups.find { it.failure == 'RULE_ERROR' }"))
                .containsEntry("count", 2).containsEntry("rule", "broken bonus");

        String csv = as(shop.qa()).get(path(shop) + "/" + run.getLong("id") + "/report.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString(".csv"))
                .extract().asString();
        assertThat(csv).startsWith(ImpactCsv.HEADER + "\r\n")
                .contains("\r\ntotal,points,130,130,0,2,\r\n")
                .contains("\r\nsummary,failed,,,,4,\r\n")
                .contains("\r\nfailure-group,RULE_ERROR on the candidate,,,,2,\"rule broken bonus: ")
                .contains("\r\nhistogram,from 0 to 0,,,,2,members whose change is in this range\r\n")
                .contains("\r\nhistogram,up to -10000,,,,0,")
                .contains("\r\nfailure,priced,,,,,\"REFUSED on the candidate (PURCHASE of member cy at 2026-03-06T04:00:00Z):");
    }

    @Test
    void invalidRequestsNameTheirField() {
        Api.TestMerchant shop = fivePurchases();
        as(shop.marketing()).body(request(1, TO, FROM, null)).post(path(shop)).then().statusCode(422)
                .body("type", endsWith("/invalid-request")).body("errors.field", contains("to"));
        as(shop.marketing()).body(request(1, "2025-01-01T00:00:00Z", "2026-03-01T00:00:00Z", null)).post(path(shop))
                .then().statusCode(422).body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("366 days"));
        as(shop.marketing()).body(request(9, FROM, TO, null)).post(path(shop)).then().statusCode(422)
                .body("errors.field", contains("candidateVersion"));
        as(shop.marketing()).body(request(1, FROM, TO, Map.of("kind", "VERSION"))).post(path(shop)).then()
                .statusCode(422).body("errors.field", contains("baseline.version"));
        as(shop.marketing()).body(request(1, FROM, TO, Map.of("kind", "VERSION", "version", 7))).post(path(shop)).then()
                .statusCode(422).body("errors.field", contains("baseline.version"));
        as(shop.marketing()).body(request(1, FROM, TO, Map.of("kind", "POSTED", "version", 1))).post(path(shop)).then()
                .statusCode(422).body("errors.field", contains("baseline.version"));
        as(shop.marketing()).body(request(1, FROM, TO, Map.of("kind", "LATEST"))).post(path(shop)).then()
                .statusCode(400).body("errors[0].field", equalTo("baseline.kind"));
        as(shop.marketing()).body(Map.of("from", FROM, "to", TO)).post(path(shop)).then().statusCode(422)
                .body("errors.field", contains("candidateVersion"));
        as(shop.marketing()).body(Map.of("candidateVersion", 1, "from", FROM, "to", TO, "top", 0)).post(path(shop))
                .then().statusCode(422).body("errors.field", contains("top"));
        as(shop.qa()).get(path(shop)).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void integratorsMayNotAndOtherMerchantsSeeNothing() {
        Api.TestMerchant a = fivePurchases();
        Api.TestMerchant b = fivePurchases();
        long id = start(a, request(1, FROM, TO, null));
        finished(a, id);
        String run = path(a) + "/" + id;
        as(a.integrator()).body(request(1, FROM, TO, null)).post(path(a)).then().statusCode(403);
        as(a.integrator()).get(path(a)).then().statusCode(403);
        as(a.integrator()).get(run).then().statusCode(403);
        as(a.integrator()).get(run + "/report.csv").then().statusCode(403);
        as(a.integrator()).post(run + "/cancellation").then().statusCode(403);
        // B's keys on A's merchant: 404, as for any resource of another merchant
        as(b.marketing()).get(run).then().statusCode(404);
        as(b.qa()).get(run + "/report.csv").then().statusCode(404);
        as(b.marketing()).post(run + "/cancellation").then().statusCode(404);
        as(b.marketing()).body(request(1, FROM, TO, null)).post(path(a)).then().statusCode(404);
        // A's run id under B's own path: not B's run
        as(b.qa()).get(path(b) + "/" + id).then().statusCode(404).body("type", endsWith("/not-found"));
        as(b.qa()).get(path(b) + "/" + id + "/report.csv").then().statusCode(404);
        as(b.marketing()).post(path(b) + "/" + id + "/cancellation").then().statusCode(404);
        // both roles read A's runs, newest first, without their reports
        as(a.qa()).get(path(a)).then().statusCode(200).body("items.id", contains((int) id)).body("items[0].report", nullValue())
                .body("items[0].status", equalTo("SUCCEEDED"));
        as(a.marketing()).get(path(a) + "?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(a.marketing()).get(path(a) + "/abc").then().statusCode(400);
    }
}
