package io.jifen.examples.load;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the posting path (a benchmark, not a test): sets up its own merchant on a
 * running service with the reference program active, enrols the members, then posts purchases
 * either as fast as {@code --concurrency} workers can (throughput) or at a fixed {@code --rate}
 * (latency, timed from each request's intended start so a slow server cannot hide its queueing).
 * It only talks to the URL it is given, stops after {@code --requests} purchases or
 * {@code --max-seconds}, and prints throughput and latency percentiles. See BENCHMARKS.md.
 */
public final class PostingLoad {
    private static final String[] CATEGORIES = {"grocery", "household", "fresh", "electronics", "imported-wine", "snacks"};

    private final Map<String, String> args;
    private final LoadClient client;

    private PostingLoad(Map<String, String> args) {
        this.args = args;
        this.client = new LoadClient(args.getOrDefault("url", "http://127.0.0.1:8080"));
    }

    public static void main(String[] argv) throws Exception {
        new PostingLoad(LoadClient.args(argv)).run();
    }

    private void run() throws Exception {
        int members = Integer.parseInt(args.getOrDefault("members", "10000"));
        int requests = Integer.parseInt(args.getOrDefault("requests", "20000"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "3000"));
        int concurrency = Integer.parseInt(args.getOrDefault("concurrency", "32"));
        double rate = Double.parseDouble(args.getOrDefault("rate", "0"));
        long maxSeconds = Long.parseLong(args.getOrDefault("max-seconds", "300"));
        String adminKey = args.getOrDefault("admin-key", "jifen-dev-admin-key-change-me");

        String merchant = "load-" + System.currentTimeMillis();
        String integrator = setUp(merchant, adminKey);
        System.out.printf("merchant %s ready; enrolling %d members%n", merchant, members);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            AtomicInteger failures = new AtomicInteger();
            // --tier REGULAR enrols members in a tier, as a live programme's members are (else the first
            // purchase of each member records its first tier)
            String enrolment = args.containsKey("tier") ? "{\"tier\":\"" + args.get("tier") + "\"}" : "{}";
            LoadClient.runAll(pool, members, i -> {
                int status = client.send("PUT", "/merchants/" + merchant + "/members/member-" + i, integrator, enrolment).statusCode();
                if (status != 201 && status != 200) {
                    failures.incrementAndGet();
                }
            });
            check(failures.get() == 0, failures.get() + " enrolments failed");
            if (Boolean.parseBoolean(args.getOrDefault("setup-only", "false"))) {
                // for an external load tool (wrk, see examples/load/purchases.lua)
                System.out.printf("MERCHANT=%s KEY=%s MEMBERS=%d%n", merchant, integrator, members);
                return;
            }

            Purchases purchases = new Purchases(merchant, members);
            System.out.printf("warm-up: %d purchases%n", warmup);
            LoadClient.runAll(pool, warmup, i -> client.send("POST", "/merchants/" + merchant + "/purchases", integrator, purchases.next()));

            long[] latencies = new long[requests];
            AtomicInteger errors = new AtomicInteger();
            AtomicLong firstError = new AtomicLong(-1);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
            AtomicInteger done = new AtomicInteger();
            if (rate <= 0) {
                // closed loop: every worker posts back to back
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < concurrency; w++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            int status = post(merchant, integrator, purchases.next());
                            latencies[i] = System.nanoTime() - t0;
                            done.incrementAndGet();
                            if (status != 201) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(-1, status);
                            }
                        }
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
            } else {
                // open loop: request i is due at start + i / rate, latency counts from then
                long period = (long) (1e9 / rate);
                for (int i = 0; i < requests && System.nanoTime() < deadline; i++) {
                    long due = start + i * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait); // pacing the generator, not synchronising a test
                    }
                    int index = i;
                    String body = purchases.next();
                    pool.submit(() -> {
                        int status = post(merchant, integrator, body);
                        latencies[index] = System.nanoTime() - due;
                        done.incrementAndGet();
                        if (status != 201) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(-1, status);
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(maxSeconds, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = done.get();
            long[] measured = Arrays.copyOf(latencies, n);
            Arrays.sort(measured);
            System.out.printf("%s: %d purchases in %.1f s = %.0f postings/s; errors %d%s%n",
                    rate <= 0 ? "closed loop, " + concurrency + " workers" : "open loop at " + (int) rate + "/s",
                    n, seconds, n / seconds, errors.get(), firstError.get() < 0 ? "" : " (first status " + firstError.get() + ")");
            System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", LoadClient.ms(measured, 0.50),
                    LoadClient.ms(measured, 0.95), LoadClient.ms(measured, 0.99), measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates the merchant, its keys and the active reference program; returns the INTEGRATOR key. */
    private String setUp(String merchant, String adminKey) throws Exception {
        // --expiry-months, --daily-cap, --account-cap, --pending-days: the ledger policy under load (default: all off)
        Map<String, Object> policy = new HashMap<>(Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                "expiry", args.containsKey("expiry-months")
                        ? Map.of("rule", "ROLLING_MONTHS", "months", Integer.parseInt(args.get("expiry-months")))
                        : Map.of("rule", "NEVER"), "autoEnrol", true));
        if (args.containsKey("daily-cap")) {
            policy.put("dailyEarnCap", Long.parseLong(args.get("daily-cap")));
        }
        if (args.containsKey("account-cap")) {
            policy.put("accountCap", Long.parseLong(args.get("account-cap")));
        }
        if (args.containsKey("pending-days")) {
            policy.put("pendingDays", Integer.parseInt(args.get("pending-days")));
        }
        return client.merchantOnReferenceProgram(merchant, "Load test " + merchant, adminKey, policy).integrator();
    }

    private int post(String merchant, String key, String body) {
        try {
            return client.send("POST", "/merchants/" + merchant + "/purchases", key, body).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Realistic purchases: 1-3 lines, mixed categories, spread over March 2026 (member day included). */
    private static final class Purchases {
        private final String merchant;
        private final int members;
        private final AtomicLong sequence = new AtomicLong();

        Purchases(String merchant, int members) {
            this.merchant = merchant;
            this.members = members;
        }

        String next() {
            long n = sequence.incrementAndGet();
            SplittableRandom random = new SplittableRandom(n);
            int lines = 1 + random.nextInt(3);
            StringBuilder items = new StringBuilder();
            long totalCents = 0;
            for (int l = 0; l < lines; l++) {
                long cents = 500 + random.nextInt(30_000);
                totalCents += cents;
                items.append(l == 0 ? "" : ",").append(String.format(
                        "{\"sku\":\"SKU-%d\",\"category\":\"%s\",\"quantity\":1,\"amount\":\"%d.%02d\"}",
                        random.nextInt(5000), CATEGORIES[random.nextInt(CATEGORIES.length)], cents / 100, cents % 100));
            }
            int day = 1 + random.nextInt(28);
            return String.format("{\"transactionId\":\"%s-%d\",\"memberId\":\"member-%d\",\"occurredAt\":\"2026-03-%02dT%02d:%02d:00Z\","
                            + "\"total\":\"%d.%02d\",\"lines\":[%s]}", merchant, n, random.nextInt(members), day,
                    random.nextInt(24), random.nextInt(60), totalCents / 100, totalCents % 100, items);
        }
    }
}
