package io.jifen.admin.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A bounded load of ledger operations on one merchant with transfers enabled, for the reliability
 * integration tests. Operation {@code k} is a pure function of {@code k}, so it can be sent again,
 * byte for byte, at any time: over {@code members} members, each cycle of {@code 6 × members}
 * operations gives every member a purchase, an event, a second purchase, a debit of 30 points, a
 * refund of half the first purchase and a transfer of 20 points to the next member, in that order
 * for each member but interleaved across members, so every kind is in flight at once. Each worker takes
 * the next {@code k}, sends it, and sends every third operation a second time at once (a client
 * retrying the same id). Every attempt is recorded, answered or not.
 */
public final class LedgerLoad {
    /** Purchases happen on 5 March 2026 at noon in Shanghai: no member day, deterministic points. */
    public static final String OCCURRED_AT = "2026-03-05T04:00:00Z";
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(50);
    private static final String[] ROUNDS = {"purchase", "event", "purchase", "debit", "refund", "transfer"};

    private final String merchant;
    private final String integratorKey;
    private final int members;

    /** (member, round) of each operation of a cycle. */
    private final int[][] schedule;

    public LedgerLoad(Api.TestMerchant merchant, int members) {
        this.merchant = merchant.code();
        this.integratorKey = merchant.integrator();
        this.members = members;
        // round r of member m comes at m + r × lag: every kind is in flight at once, while one member's
        // operations stay about 6 × lag operations apart (far more than the clients in flight), so each
        // finds the one before it done
        int lag = Math.max(1, members / 10);
        List<int[]> slots = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            for (int r = 0; r < ROUNDS.length; r++) {
                slots.add(new int[]{m, r});
            }
        }
        slots.sort(Comparator.<int[]>comparingInt(x -> x[0] + x[1] * lag).thenComparingInt(x -> x[1]));
        this.schedule = slots.toArray(int[][]::new);
    }

    /** The merchant settings the load needs on top of the default policy. */
    public static Map<String, Object> policy() {
        return Map.of("transfers", Map.of("enabled", true));
    }

    /** One request: its id (the transaction id it posts) and everything needed to send it again. */
    public record Op(int k, String id, String kind, String member, String path, Map<String, Object> body) {
        @Override
        public String toString() {
            return kind + " " + id;
        }
    }

    /**
     * One attempt at an operation: the answer, or {@code error} when none came (connection refused,
     * reset, timed out). {@code acknowledged}: a 2xx answer, which a client takes as done.
     */
    public record Attempt(Op op, ServiceClient.Reply reply, String error, Instant sentAt, Instant answeredAt) {
        public boolean acknowledged() {
            return reply != null && reply.ok();
        }

        public boolean answered() {
            return reply != null;
        }

        public int status() {
            return reply == null ? -1 : reply.status();
        }

        @Override
        public String toString() {
            return op + " sent " + sentAt + ": " + (reply == null ? "no answer (" + error + ")" : reply.toString());
        }
    }

    public Op op(int k) {
        int cycle = k / (ROUNDS.length * members);
        int[] slot = schedule[k % (ROUNDS.length * members)];
        int m = slot[0];
        int round = slot[1];
        String member = "member-" + m;
        String c = "c" + cycle + "-";
        int yuan = 100 + (m % 7) * 20;
        return switch (ROUNDS[round]) {
            case "purchase" -> {
                String id = c + (round == 0 ? "p1-" : "p2-") + m;
                yield new Op(k, id, "PURCHASE", member, "/merchants/" + merchant + "/purchases", Map.of(
                        "transactionId", id, "memberId", member, "occurredAt", OCCURRED_AT, "total", yuan + ".00",
                        "lines", List.of(Map.of("sku", "RICE-" + m, "category", "grocery", "amount", yuan + ".00"))));
            }
            case "event" -> {
                String id = c + "e-" + m;
                yield new Op(k, id, "EVENT", member, "/merchants/" + merchant + "/events", Map.of(
                        "transactionId", id, "memberId", member, "type", cycle == 0 ? "REGISTER" : "SHARE",
                        "occurredAt", OCCURRED_AT));
            }
            case "debit" -> {
                String id = c + "d-" + m;
                yield new Op(k, id, "DEBIT", member, "/merchants/" + merchant + "/members/" + member + "/debits",
                        Map.of("debitId", id, "points", 30, "reason", "redeemed in store"));
            }
            case "refund" -> {
                String id = c + "r-" + m;
                yield new Op(k, id, "REFUND", member, "/merchants/" + merchant + "/refunds", Map.of(
                        "refundId", id, "purchaseId", c + "p1-" + m, "amount", (yuan / 2) + ".00", "reason", "returned half"));
            }
            case "transfer" -> {
                String id = c + "t-" + m;
                yield new Op(k, id, "TRANSFER", member, "/merchants/" + merchant + "/transfers", Map.of(
                        "transferId", id, "fromMemberId", member, "toMemberId", "member-" + ((m + 1) % members),
                        "points", 20, "reason", "gift"));
            }
            default -> throw new IllegalStateException();
        };
    }

    /** Operations of one full cycle over every member. */
    public int cycle() {
        return ROUNDS.length * members;
    }

    public Attempt attempt(ServiceClient client, Op op) {
        Instant sent = Instant.now();
        try {
            return new Attempt(op, client.send("POST", op.path(), integratorKey, op.body()), null, sent, Instant.now());
        } catch (IOException e) {
            return new Attempt(op, null, e.toString(), sent, Instant.now());
        }
    }

    /** A running load; {@link #stop()} ends it after each worker's request in flight. */
    public final class Run {
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        private final List<Thread> workers = new ArrayList<>();

        private Run(Supplier<ServiceClient> client, int threads, int operations, Instant giveUpAt, boolean retryEveryThird,
                    boolean retryUnavailable) {
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    for (int k = next.getAndIncrement(); k < operations && !stopped.get() && Instant.now().isBefore(giveUpAt);
                         k = next.getAndIncrement()) {
                        Op op = op(k);
                        Attempt attempt = attempt(client.get(), op);
                        record(attempt);
                        if (retryEveryThird && k % 3 == 0 && !stopped.get()) {
                            record(attempt(client.get(), op)); // the client retries the same id
                        }
                        // a client that retries what was not answered, or answered 503, until it gets an answer
                        for (int tries = 1; retryUnavailable && (!attempt.answered() || attempt.status() == 503)
                                && !stopped.get() && Instant.now().isBefore(giveUpAt) && tries < 2_000; tries++) {
                            LockSupport.parkNanos(RETRY_BACKOFF.toNanos()); // the client's back-off between retries
                            attempt = attempt(client.get(), op);
                            record(attempt);
                        }
                    }
                }, "ledger-load-" + t);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }

        private void record(Attempt attempt) {
            attempts.add(attempt);
            if (attempt.acknowledged()) {
                acknowledged.incrementAndGet();
            }
        }

        /** Operations taken so far (sent, or being sent). */
        public int taken() {
            return next.get();
        }

        public int acknowledged() {
            return acknowledged.get();
        }

        public List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        public void stop() {
            stopped.set(true);
        }

        /** Waits (bounded) for every worker to finish; false when one is still running after {@code within}. */
        public boolean await(Duration within) {
            Instant deadline = Instant.now().plus(within);
            for (Thread worker : workers) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                try {
                    worker.join(Math.max(1, left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (worker.isAlive()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Like {@link #start}, but each worker retries an operation that got no answer or a 503 (after a
     * short back-off) until it gets another answer, as a well-behaved client does through an outage.
     */
    public Run startRetryingUnavailable(Supplier<ServiceClient> client, int threads, int operations, Instant giveUpAt) {
        return new Run(client, threads, operations, giveUpAt, true, true);
    }

    /** Starts {@code threads} workers over operations 0 … {@code operations}−1, giving up at {@code giveUpAt}. */
    public Run start(Supplier<ServiceClient> client, int threads, int operations, Instant giveUpAt) {
        return new Run(client, threads, operations, giveUpAt, true, false);
    }

    /**
     * Sends every operation 0 … {@code operations}−1 once more, in order of k across {@code threads}
     * workers; fails when that takes longer than {@code within}.
     */
    public List<Attempt> sendAll(ServiceClient client, int threads, int operations, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Run run = new Run(() -> client, threads, operations, deadline, false, false);
        if (!run.await(within.plusSeconds(25))
                || run.attempts().stream().mapToInt(a -> a.op().k()).distinct().count() < operations) {
            run.stop();
            throw new IllegalStateException("sending " + operations + " operations again took longer than " + within);
        }
        return run.attempts();
    }

    /** Counts of answers by status (-1: no answer), for messages. */
    public static Map<Integer, Long> byStatus(List<Attempt> attempts) {
        return attempts.stream().collect(Collectors.groupingBy(Attempt::status, LinkedHashMap::new, Collectors.counting()));
    }

    /** The last acknowledged answer per transaction id. */
    public static Map<String, Attempt> acknowledgedById(List<Attempt> attempts) {
        Map<String, Attempt> byId = new LinkedHashMap<>();
        attempts.stream().filter(Attempt::acknowledged).sorted(Comparator.comparing(Attempt::answeredAt))
                .forEach(a -> byId.put(a.op().id(), a));
        return byId;
    }
}
