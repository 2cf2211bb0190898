package io.jifen.examples.load;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for points-mall redemptions (a benchmark, not a test): sets up its own merchant on
 * a running service (reference program active, points that never expire), enrols {@code --members}
 * members with {@code --points} each and creates the items, then redeems as fast as
 * {@code --concurrency} workers can, each redemption by a random member with a unique id:
 * <ul>
 * <li>{@code --mode hot}: every redemption takes one unit of one item (its stock row is the
 * contention point: one conditional update per redemption, serialised by the row lock);</li>
 * <li>{@code --mode spread}: each takes a unit of one of {@code --items} items (default 1,000) at random.</li>
 * </ul>
 * Items are {@code --type} (PHYSICAL by default, with a shipping address; SERVICE issues a booking
 * code, VIRTUAL a generated code) with enough stock for the whole run, so every answer should be 201:
 * anything else is counted and the first status printed. Talks to loopback only, bounded by
 * {@code --requests} and {@code --max-seconds}. See BENCHMARKS.md, "Points mall".
 */
public final class MallLoad {
    private static final String ADDRESS = "{\"recipient\":\"Load\",\"phone\":\"1\",\"line1\":\"1 Bench Road\",\"city\":\"Shanghai\"}";

    private final Map<String, String> args;
    private final LoadClient client;

    private MallLoad(Map<String, String> args) {
        this.args = args;
        this.client = new LoadClient(args.getOrDefault("url", "http://127.0.0.1:8080"));
    }

    public static void main(String[] argv) throws Exception {
        new MallLoad(LoadClient.args(argv)).run();
    }

    private void run() throws Exception {
        String mode = args.getOrDefault("mode", "hot");
        if (!mode.equals("hot") && !mode.equals("spread")) {
            throw new IllegalArgumentException("--mode is hot or spread");
        }
        int items = mode.equals("hot") ? 1 : Integer.parseInt(args.getOrDefault("items", "1000"));
        int members = Integer.parseInt(args.getOrDefault("members", "2000"));
        long points = Long.parseLong(args.getOrDefault("points", "1000000"));
        int requests = Integer.parseInt(args.getOrDefault("requests", "20000"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "2000"));
        int concurrency = Integer.parseInt(args.getOrDefault("concurrency", "32"));
        long maxSeconds = Long.parseLong(args.getOrDefault("max-seconds", "300"));
        String type = args.getOrDefault("type", "PHYSICAL");
        String adminKey = args.getOrDefault("admin-key", "jifen-dev-admin-key-change-me");

        String merchant = "mall-load-" + System.currentTimeMillis();
        String[] keys = setUp(merchant, adminKey);
        String marketing = keys[0];
        String integrator = keys[1];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long stock = (long) warmup + requests + 10;
            System.out.printf("merchant %s ready; creating %d %s item(s), stock %d each; enrolling %d members with %d points%n",
                    merchant, items, type, stock, members, points);
            LoadClient.runAll(pool, items, i -> LoadClient.expect(client.send("POST", "/merchants/" + merchant + "/mall/items", marketing,
                    "{\"sku\":\"ITEM-" + i + "\",\"name\":\"Load item " + i + "\",\"type\":\"" + type + "\","
                            + (type.equals("VIRTUAL") ? "\"codeSource\":\"GENERATED\"," : "")
                            + "\"basePoints\":" + (10 + i % 90) + ",\"stock\":" + stock + "}"), 201));
            LoadClient.runAll(pool, members, i -> {
                LoadClient.expect(client.send("PUT", "/merchants/" + merchant + "/members/member-" + i, integrator, "{}"), 201);
                LoadClient.expect(client.send("POST", "/merchants/" + merchant + "/members/member-" + i + "/adjustments", integrator,
                        "{\"adjustmentId\":\"seed-" + i + "\",\"points\":" + points + ",\"reason\":\"load seed\"}"), 201);
            });

            AtomicInteger sequence = new AtomicInteger();
            System.out.printf("warm-up: %d redemptions%n", warmup);
            LoadClient.runAll(pool, warmup, i -> redeem(merchant, integrator, type, items, members, "w-" + sequence.incrementAndGet()));

            long[] latencies = new long[requests];
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        int status = redeem(merchant, integrator, type, items, members, "r-" + i);
                        latencies[i] = System.nanoTime() - t0;
                        done.incrementAndGet();
                        statuses.merge(status, 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int n = done.get();
            long[] measured = Arrays.copyOf(latencies, n);
            Arrays.sort(measured);
            System.out.printf("%s, %d item(s), closed loop, %d workers: %d redemptions in %.1f s = %.0f redemptions/s;"
                    + " statuses %s%n", mode, items, concurrency, n, seconds, n / seconds, statuses);
            System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", LoadClient.ms(measured, 0.50),
                    LoadClient.ms(measured, 0.95), LoadClient.ms(measured, 0.99), measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    private int redeem(String merchant, String key, String type, int items, int members, String id) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "{\"redemptionId\":\"" + id + "\",\"sku\":\"ITEM-" + random.nextInt(items) + "\""
                + (type.equals("PHYSICAL") ? ",\"shippingAddress\":" + ADDRESS : "") + "}";
        try {
            return client.send("POST", "/merchants/" + merchant + "/members/member-" + random.nextInt(members) + "/redemptions",
                    key, body).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Creates the merchant (points never expire), its MARKETING and INTEGRATOR keys and the active reference program. */
    private String[] setUp(String merchant, String adminKey) {
        LoadClient.Keys keys = client.merchantOnReferenceProgram(merchant, "Mall load " + merchant, adminKey,
                Map.of("rounding", "DOWN", "stacking", "ADDITIVE", "expiry", Map.of("rule", "NEVER"), "autoEnrol", true));
        return new String[] {keys.marketing(), keys.integrator()};
    }
}
