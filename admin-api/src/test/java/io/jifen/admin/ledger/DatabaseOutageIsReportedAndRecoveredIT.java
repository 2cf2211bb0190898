package io.jifen.admin.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.Database;
import io.jifen.admin.support.LedgerInvariants;
import io.jifen.admin.support.LedgerLoad;
import io.jifen.admin.support.LedgerLoad.Attempt;
import io.jifen.admin.support.LedgerSnapshot;
import io.jifen.admin.support.LocalPostgres;
import io.jifen.admin.support.PackagedService;
import io.jifen.admin.support.Poll;
import io.jifen.admin.support.ServiceClient;
import io.jifen.admin.support.ServiceClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: while PostgreSQL is down the service says so — unready, and 503 problem+json to every
 * request that needs the database — and it recovers by itself when the database returns, leaving no
 * posting half-written.
 *
 * <p>The test runs a PostgreSQL server of its own ({@link LocalPostgres}: a temporary data directory on
 * a free port, logs kept in {@code target/it-outage-postgres.log}), never the machine's shared cluster,
 * and the packaged service against it ({@code target/it-outage.log}). Four clients post purchases,
 * events, debits, refunds and transfers, retrying what gets no answer or a 503. The server is stopped
 * in immediate mode (connections cut mid-transaction, as in a crash) while they do; readiness must turn
 * DOWN and requests must answer 503 problem+json; then the server starts again, and the same service
 * process must turn ready and post again. Every answer the clients got was a success, a business
 * refusal or a clean 503; every acknowledged posting is stored as acknowledged; retrying everything
 * posts nothing twice; every ledger invariant holds and no transaction is half-written.
 *
 * <p>Runs under Failsafe after {@code package}: {@code ./mvnw -B verify}.
 */
class DatabaseOutageIsReportedAndRecoveredIT {
    private static final String ADMIN_KEY = "it-admin-key";
    private static final int MEMBERS = 100;
    private static final int THREADS = 4;

    private static LocalPostgres postgres;
    private static Database db;
    private static PackagedService service;

    @BeforeAll
    static void startPostgresAndService() {
        postgres = LocalPostgres.create(PackagedService.BUILD.resolve("it-outage-postgres.log"));
        postgres.start();
        db = postgres.database("jifen_outage");
        service = PackagedService.start("it-outage", db, ADMIN_KEY);
    }

    @AfterAll
    static void stopServiceAndPostgres() {
        try {
            if (service != null) {
                service.stop();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void unreadyAnd503WhileTheDatabaseIsDownThenRecoversWithoutARestartAndNothingHalfWritten() {
        ServiceClient client = new ServiceClient(service);
        Api.TestMerchant shop = client.merchantOnReferenceProgram(ADMIN_KEY, LedgerLoad.policy());
        LedgerLoad load = new LedgerLoad(shop, MEMBERS);
        LedgerLoad.Run run = load.startRetryingUnavailable(() -> client, THREADS, 20 * load.cycle(),
                Instant.now().plusSeconds(75));
        Poll.until("100 operations acknowledged", Duration.ofSeconds(30), () -> run.acknowledged() >= 100,
                () -> run.acknowledged() + " acknowledged");

        postgres.stopImmediately();
        Instant down = Instant.now();

        AtomicReference<Reply> readiness = new AtomicReference<>();
        Poll.until("readiness DOWN", Duration.ofSeconds(30),
                () -> readiness.updateAndGet(r -> get(client, "/q/health/ready", null)).status() == 503,
                () -> String.valueOf(readiness.get()));
        JsonNode health = readiness.get().json();
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("checks")).as("%s", health).anySatisfy(check -> {
            assertThat(check.path("name").asText()).containsIgnoringCase("database");
            assertThat(check.path("status").asText()).isEqualTo("DOWN");
        });
        assertThat(get(client, "/q/health/live", null).status()).as("alive all along").isEqualTo(200);

        assertUnavailable(post(client, shop.integrator(), "/merchants/" + shop.code() + "/purchases", purchase("during-the-outage")));
        assertUnavailable(post(client, shop.integrator(), "/merchants/" + shop.code() + "/members/member-1/debits",
                Map.of("debitId", "debit-during-the-outage", "points", 1, "reason", "outage probe")));
        assertUnavailable(get(client, "/merchants/" + shop.code() + "/members/member-1", shop.qa()));
        Poll.until("the clients met the outage", Duration.ofSeconds(30),
                () -> run.attempts().stream().anyMatch(a -> a.status() == 503 && a.sentAt().isAfter(down)),
                () -> LedgerLoad.byStatus(run.attempts()).toString());

        postgres.start();
        Instant up = Instant.now();
        Poll.until("readiness UP again", Duration.ofSeconds(45),
                () -> readiness.updateAndGet(r -> get(client, "/q/health/ready", null)).status() == 200,
                () -> String.valueOf(readiness.get()));
        Reply recovered = post(client, shop.integrator(), "/merchants/" + shop.code() + "/purchases", purchase("after-the-outage"));
        assertThat(recovered.status()).as("%s", recovered).isEqualTo(201);
        assertThat(service.isAlive()).as("the same process recovered, no restart").isTrue();
        Poll.until("100 operations acknowledged after the outage", Duration.ofSeconds(30),
                () -> run.attempts().stream().filter(a -> a.acknowledged() && a.sentAt().isAfter(up)).count() >= 100,
                () -> LedgerLoad.byStatus(run.attempts()).toString());
        int taken = run.taken();
        run.stop();
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        List<Attempt> attempts = run.attempts();
        System.out.printf("outage: %d operations, %d attempts, by status %s%n", taken, attempts.size(),
                LedgerLoad.byStatus(attempts));

        assertThat(attempts).as("every request answered: a success, a business refusal, or a clean 503")
                .allSatisfy(a -> {
                    assertThat(a.answered()).as("%s", a).isTrue();
                    assertThat(a.status()).as("%s", a).isIn(200, 201, 404, 409, 422, 503);
                    if (a.status() == 503) {
                        assertProblem503(a.reply());
                    }
                });
        assertThat(attempts).as("the outage was met by the clients").anyMatch(a -> a.status() == 503);

        Map<String, Attempt> acknowledged = LedgerLoad.acknowledgedById(attempts);
        Map<String, LedgerSnapshot.Stored> stored = LedgerSnapshot.transactions(db, shop.code());
        assertThat(acknowledged.values()).allSatisfy(a -> {
            LedgerSnapshot.Stored row = stored.get(a.op().id());
            assertThat(row).as("%s acknowledged but not stored", a).isNotNull();
            assertThat(row.result()).as("stored result of %s", a.op().id()).isEqualTo(a.reply().body());
        });
        assertThat(stored).as("nothing written for the requests answered 503 during the outage")
                .doesNotContainKeys("during-the-outage", "debit-during-the-outage");

        Map<String, Long> totals = LedgerSnapshot.totals(db, shop.code());
        List<Attempt> retried = load.sendAll(client, THREADS, Math.min(taken, 20 * load.cycle()), Duration.ofSeconds(40));
        assertThat(retried.stream().filter(a -> acknowledged.containsKey(a.op().id())))
                .as("an acknowledged operation sent again replays its result").allSatisfy(a -> {
                    assertThat(a.status()).as("%s", a).isEqualTo(200);
                    assertThat(a.reply().body()).as("%s", a).isEqualTo(acknowledged.get(a.op().id()).reply().body());
                });
        assertThat(retried).as("no server error once recovered").allSatisfy(a ->
                assertThat(a.answered() && a.status() < 500).as("%s", a).isTrue());
        System.out.printf("after the outage, every operation again: by status %s%n", LedgerLoad.byStatus(retried));
        assertThat(retried.stream().filter(a -> a.status() == 201).map(a -> a.op().id()))
                .as("only operations that never got a success post now").noneMatch(acknowledged::containsKey);
        assertThat(LedgerSnapshot.totals(db, shop.code()).get("transactions"))
                .isEqualTo(totals.get("transactions") + retried.stream().filter(a -> a.status() == 201).count());

        assertThat(LedgerInvariants.violations(db, shop.code())).isEmpty();
        assertThat(LedgerInvariants.halfWrittenTransactions(db, shop.code())).isEmpty();
    }

    private static Map<String, Object> purchase(String id) {
        return Map.of("transactionId", id, "memberId", "member-1", "occurredAt", LedgerLoad.OCCURRED_AT,
                "total", "100.00", "lines", List.of(Map.of("sku", "RICE", "category", "grocery", "amount", "100.00")));
    }

    private static void assertUnavailable(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(503);
        assertProblem503(reply);
    }

    private static void assertProblem503(Reply reply) {
        assertThat(reply.contentType()).as("%s", reply).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).as("%s", reply).isEqualTo(503);
        assertThat(problem.path("type").asText()).as("%s", reply).endsWith("/service-unavailable");
    }

    private static Reply get(ServiceClient client, String path, String key) {
        try {
            return client.send("GET", path, key, null);
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " got no answer", e);
        }
    }

    private static Reply post(ServiceClient client, String key, String path, Object body) {
        try {
            return client.send("POST", path, key, body);
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " got no answer", e);
        }
    }
}
