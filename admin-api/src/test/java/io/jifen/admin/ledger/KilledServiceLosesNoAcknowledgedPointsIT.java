package io.jifen.admin.ledger;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.Database;
import io.jifen.admin.support.LedgerInvariants;
import io.jifen.admin.support.LedgerLoad;
import io.jifen.admin.support.LedgerLoad.Attempt;
import io.jifen.admin.support.LedgerSnapshot;
import io.jifen.admin.support.PackagedService;
import io.jifen.admin.support.Poll;
import io.jifen.admin.support.ServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: a service killed with {@code kill -9} in the middle of a ledger load loses no point it
 * acknowledged and, once restarted, posts nothing twice however the clients retry.
 *
 * <p>The packaged service ({@code jifen-app/jifen-admin-api.jar}, a real JVM process) runs on a schema of its own
 * ({@code $JIFEN_TEST_SCHEMA_kill}, dropped first; logs in {@code target/it-kill-9-{before,after}.log}).
 * Six clients post purchases, events, debits, refunds and transfers for 200 members, each sending
 * every third request twice. Once there are half as many acknowledgements as operations (every kind
 * of operation is then in flight) the JVM gets SIGKILL; it is
 * restarted on the same schema. Then: every acknowledged transaction is stored exactly once, with the
 * very result the client was given; every operation sent again (acknowledged or not, and those never
 * sent) is answered without a 5xx, the acknowledged ones by replaying their result; a further round
 * of the same requests posts nothing at all; every ledger invariant holds and no transaction is
 * half-written.
 *
 * <p>Runs under Failsafe after {@code package}: {@code ./mvnw -B verify}.
 */
class KilledServiceLosesNoAcknowledgedPointsIT {
    private static final String ADMIN_KEY = "it-admin-key";
    private static final Database DB = Database.testServerSchema(
            System.getenv().getOrDefault("JIFEN_TEST_SCHEMA", "jifen_test") + "_kill");
    private static final int MEMBERS = 200;
    private static final int THREADS = 6;

    private static PackagedService service;

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void everyAcknowledgedPostingSurvivesAKill9ExactlyOnceAndRetriesPostNothingTwice() {
        DB.dropSchema();
        service = PackagedService.start("it-kill-9-before", DB, ADMIN_KEY);
        assertThat(service.executable()).as("the process started is the JVM itself")
                .hasValueSatisfying(command -> assertThat(Path.of(command).getFileName()).hasToString("java"));
        assertThat(service.children()).as("the JVM started no process of its own").isEmpty();

        ServiceClient before = new ServiceClient(service);
        Api.TestMerchant shop = before.merchantOnReferenceProgram(ADMIN_KEY, LedgerLoad.policy());
        LedgerLoad load = new LedgerLoad(shop, MEMBERS);
        int operations = load.cycle();

        LedgerLoad.Run run = load.start(() -> before, THREADS, operations, Instant.now().plusSeconds(60));
        Poll.until("half as many acknowledgements as operations", Duration.ofSeconds(45),
                () -> run.acknowledged() >= operations / 2 || run.taken() >= operations,
                () -> run.acknowledged() + " acknowledged, " + run.taken() + " taken");
        int takenAtKill = run.taken();
        int exit = service.kill();
        assertThat(exit).as("exit status of a JVM killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(takenAtKill).as("killed in the middle of the load").isLessThan(operations);
        run.stop();
        assertThat(run.await(Duration.ofSeconds(30))).as("the clients gave up on the dead service").isTrue();
        List<Attempt> sent = run.attempts();
        Map<String, Attempt> acknowledged = LedgerLoad.acknowledgedById(sent);
        System.out.printf("kill -9 after %d of %d operations: %d attempts, by status %s%n", takenAtKill, operations,
                sent.size(), LedgerLoad.byStatus(sent));

        service = PackagedService.start("it-kill-9-after", DB, ADMIN_KEY);
        ServiceClient after = new ServiceClient(service);

        // every acknowledged transaction is there exactly once, as acknowledged
        Map<String, LedgerSnapshot.Stored> stored = LedgerSnapshot.transactions(DB, shop.code());
        assertThat(acknowledged.values().stream().map(a -> a.op().kind()).distinct())
                .as("every kind of operation acknowledged before the kill")
                .contains("PURCHASE", "EVENT", "DEBIT", "REFUND", "TRANSFER");
        assertThat(acknowledged.values()).allSatisfy(a -> {
            LedgerSnapshot.Stored row = stored.get(a.op().id());
            assertThat(row).as("%s acknowledged but not stored", a).isNotNull();
            assertThat(row.rows()).as("rows for %s", a.op().id()).isEqualTo(1);
            assertThat(row.kind()).as("kind of %s", a.op().id()).isEqualTo(a.op().kind());
            assertThat(row.result()).as("stored result of %s is what the client was told", a.op().id())
                    .isEqualTo(a.reply().body());
        });

        // every operation again, acknowledged or not, sent before the kill or never
        List<Attempt> retried = load.sendAll(after, THREADS, operations, Duration.ofSeconds(45));
        assertThat(retried).as("every retry answered, none with a server error")
                .allSatisfy(a -> assertThat(a.answered() && a.status() < 500).as("%s", a).isTrue());
        assertThat(retried.stream().filter(a -> acknowledged.containsKey(a.op().id())))
                .as("an acknowledged operation sent again replays its stored result")
                .allSatisfy(a -> {
                    assertThat(a.status()).as("%s", a).isEqualTo(200);
                    assertThat(a.reply().replayed()).as("%s", a).isTrue();
                    assertThat(a.reply().body()).as("%s", a).isEqualTo(acknowledged.get(a.op().id()).reply().body());
                });
        System.out.printf("after the restart, every operation again: by status %s%n", LedgerLoad.byStatus(retried));

        // and once more: nothing new is posted, nothing changes
        Map<String, Long> totals = LedgerSnapshot.totals(DB, shop.code());
        Map<String, Attempt> firstRetry = retried.stream().collect(Collectors.toMap(a -> a.op().id(), a -> a));
        List<Attempt> again = load.sendAll(after, THREADS, operations, Duration.ofSeconds(45));
        assertThat(again).as("a second retry of everything").allSatisfy(a -> {
            Attempt earlier = firstRetry.get(a.op().id());
            if (earlier.acknowledged()) {
                assertThat(a.status()).as("%s", a).isEqualTo(200);
                assertThat(a.reply().replayed()).as("%s", a).isTrue();
                assertThat(a.reply().body()).as("%s", a).isEqualTo(earlier.reply().body());
            } else {
                assertThat(a.status()).as("%s (before: %s)", a, earlier).isEqualTo(earlier.status());
            }
        });
        assertThat(LedgerSnapshot.totals(DB, shop.code())).as("the ledger after retrying everything once more")
                .isEqualTo(totals);

        assertThat(LedgerInvariants.violations(DB, shop.code())).isEmpty();
        assertThat(LedgerInvariants.halfWrittenTransactions(DB, shop.code())).isEmpty();
        assertThat(LedgerSnapshot.transactions(DB, shop.code()).values().stream().map(LedgerSnapshot.Stored::kind).distinct())
                .as("the load exercised every kind of operation")
                .contains("PURCHASE", "EVENT", "DEBIT", "REFUND", "TRANSFER");
    }
}
