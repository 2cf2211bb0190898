package io.jifen.admin.ledger;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's randomized workload: 16 threads send thousands of mixed operations — purchases, events,
 * refunds, debits, transfers, adjustments — for 40 members, with retries and concurrent duplicates
 * of the same ids, while expiry and release jobs run; then every invariant must hold for every member
 * and every acknowledged operation must exist exactly once. Seeded: a failure names its seed.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RandomizedLedgerWorkloadTest {
    static final int THREADS = 16;
    static final int OPERATIONS = 2400;
    static final int MEMBERS = 40;
    /** Statuses an operation may legitimately end with: posted, replayed, refused for a business reason. */
    static final Set<Integer> EXPECTED = Set.of(200, 201, 409, 422);

    @Inject
    LotJobs jobs;

    record Sent(String id, String kind, Map<String, Object> body, String path) {
    }

    @Test
    void sixteenThreadsOfMixedOperationsWithRetriesAndDuplicatesKeepEveryInvariant() throws Exception {
        long seed = Long.getLong("jifen.workload.seed", System.nanoTime());
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("refundShortfall", "ALLOW_NEGATIVE",
                "pendingDays", 2, "dailyEarnCap", 3000, "accountCap", 200_000,
                "transfers", Map.of("enabled", true, "min", 1, "max", 2000),
                "balanceThresholds", List.of(1000, 5000)));
        for (int m = 0; m < MEMBERS; m++) {
            as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/m" + m).then().statusCode(201);
        }
        List<Sent> purchases = new CopyOnWriteArrayList<>();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ExecutorService duplicates = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed + t);
                workers.add(pool.submit(() -> {
                    for (int n; (n = counter.getAndIncrement()) < OPERATIONS; ) {
                        if (n % 300 == 299) {
                            jobs.releaseDue(Instant.now());
                            jobs.expireDue(Instant.now());
                            continue;
                        }
                        Sent op = next(shop, random, n, purchases);
                        int dice = random.nextInt(20);
                        List<Response> answers = new ArrayList<>();
                        if (dice == 0) {
                            // the same request three times at once, as a client timing out and retrying might
                            List<CompletableFuture<Response>> copies = new ArrayList<>();
                            for (int i = 0; i < 3; i++) {
                                copies.add(CompletableFuture.supplyAsync(
                                        () -> as(shop.integrator()).body(op.body()).post(op.path()), duplicates));
                            }
                            copies.forEach(c -> answers.add(c.join()));
                        } else {
                            answers.add(as(shop.integrator()).body(op.body()).post(op.path()));
                            if (dice < 3) { // a retry of the same request
                                answers.add(as(shop.integrator()).body(op.body()).post(op.path()));
                            }
                        }
                        for (Response r : answers) {
                            if (!EXPECTED.contains(r.statusCode())) {
                                unexpected.add(op.kind() + " " + op.id() + " -> " + r.statusCode() + " " + r.asString());
                            } else if (r.statusCode() < 300) {
                                acknowledged.merge(op.id(), 1, Integer::sum);
                                if ("PURCHASE".equals(op.kind())) {
                                    purchases.add(op);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            duplicates.shutdownNow();
        }
        jobs.releaseDue(Instant.now().plus(Duration.ofDays(3)));
        jobs.expireDue(Instant.now());

        assertThat(unexpected).as("seed %d: operations answered with an unexpected status", seed).isEmpty();
        assertThat(acknowledged.size()).as("seed %d: a good share of operations went through", seed)
                .isGreaterThan(OPERATIONS / 2);
        long distinctRows = LedgerInvariants.scalar("select count(*) from loyalty_transaction t join merchant mc"
                + " on mc.id = t.merchant_id where mc.code = '" + shop.code() + "'");
        assertThat(distinctRows).as("seed %d: each acknowledged operation is stored exactly once", seed)
                .isEqualTo(acknowledged.size());
        assertThat(LedgerInvariants.violations(shop.code())).as("seed %d", seed).isEmpty();
    }

    /** One random operation; duplicates come from retries and from reusing a recent purchase id. */
    private static Sent next(Api.TestMerchant shop, Random random, int n, List<Sent> purchases) {
        String base = "/merchants/" + shop.code();
        String member = "m" + random.nextInt(MEMBERS);
        int dice = random.nextInt(100);
        if (dice < 35 || purchases.isEmpty()) {
            String id = "p-" + n;
            // dates up to 14 months back: some lots are already due to expire, some still pending
            Instant at = Instant.now().minus(Duration.ofDays(random.nextInt(420))).minusSeconds(random.nextInt(86_400));
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(80_000), 2);
            return new Sent(id, "PURCHASE", Map.of("transactionId", id, "memberId", member, "occurredAt", at.toString(),
                    "total", amount.toPlainString(), "lines", List.of(Map.of("sku", "SKU-" + random.nextInt(5),
                            "category", "grocery", "quantity", 2, "amount", amount.toPlainString()))), base + "/purchases");
        }
        if (dice < 45) {
            String id = "e-" + n;
            String type = List.of("REGISTER", "SHARE", "REVIEW", "LESSON_WATCHED").get(random.nextInt(4));
            return new Sent(id, "EVENT", Map.of("transactionId", id, "memberId", member, "type", type,
                    "occurredAt", Instant.now().minusSeconds(random.nextInt(86_400 * 30)).toString()), base + "/events");
        }
        if (dice < 60) {
            Sent purchase = purchases.get(random.nextInt(purchases.size()));
            String id = "r-" + n;
            Map<String, Object> body = random.nextBoolean()
                    ? Map.of("refundId", id, "purchaseId", purchase.id(), "lines", List.of(Map.of("sku",
                    ((Map<?, ?>) ((List<?>) purchase.body().get("lines")).get(0)).get("sku"), "quantity", 1)))
                    : Map.of("refundId", id, "purchaseId", purchase.id(), "amount", "1.00");
            return new Sent(id, "REFUND", body, base + "/refunds");
        }
        if (dice < 75) {
            String id = "d-" + n;
            return new Sent(id, "DEBIT", Map.of("debitId", id, "points", 1 + random.nextInt(300), "reason", "mall"),
                    base + "/members/" + member + "/debits");
        }
        if (dice < 90) {
            String id = "t-" + n;
            String to = "m" + random.nextInt(MEMBERS);
            return new Sent(id, "TRANSFER", Map.of("transferId", id, "fromMemberId", member, "toMemberId", to,
                    "points", 1 + random.nextInt(200)), base + "/transfers");
        }
        String id = "a-" + n;
        int points = random.nextInt(400) - 150;
        return new Sent(id, "ADJUSTMENT", Map.of("adjustmentId", id, "points", points == 0 ? 1 : points,
                "reason", "service desk"), base + "/members/" + member + "/adjustments");
    }
}
