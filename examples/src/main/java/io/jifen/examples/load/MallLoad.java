package io.jifen.examples.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADDRESS = "{\"recipient\":\"Load\",\"phone\":\"1\",\"line1\":\"1 Bench Road\",\"city\":\"Shanghai\"}";

    private final Map<String, String> args;
    private final String url;
    private final HttpClient http;

    private MallLoad(Map<String, String> args) {
        this.args = args;
        this.url = args.getOrDefault("url", "http://127.0.0.1:8080");
        if (!URI.create(url).getHost().matches("localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\]|::1")) {
            throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + url);
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new MallLoad(args).run();
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
            runAll(pool, items, i -> expect(send("POST", "/merchants/" + merchant + "/mall/items", marketing,
                    "{\"sku\":\"ITEM-" + i + "\",\"name\":\"Load item " + i + "\",\"type\":\"" + type + "\","
                            + (type.equals("VIRTUAL") ? "\"codeSource\":\"GENERATED\"," : "")
                            + "\"basePoints\":" + (10 + i % 90) + ",\"stock\":" + stock + "}"), 201));
            runAll(pool, members, i -> {
                expect(send("PUT", "/merchants/" + merchant + "/members/member-" + i, integrator, "{}"), 201);
                expect(send("POST", "/merchants/" + merchant + "/members/member-" + i + "/adjustments", integrator,
                        "{\"adjustmentId\":\"seed-" + i + "\",\"points\":" + points + ",\"reason\":\"load seed\"}"), 201);
            });

            AtomicInteger sequence = new AtomicInteger();
            System.out.printf("warm-up: %d redemptions%n", warmup);
            runAll(pool, warmup, i -> redeem(merchant, integrator, type, items, members, "w-" + sequence.incrementAndGet()));

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
            System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", ms(measured, 0.50),
                    ms(measured, 0.95), ms(measured, 0.99), measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    private int redeem(String merchant, String key, String type, int items, int members, String id) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "{\"redemptionId\":\"" + id + "\",\"sku\":\"ITEM-" + random.nextInt(items) + "\""
                + (type.equals("PHYSICAL") ? ",\"shippingAddress\":" + ADDRESS : "") + "}";
        try {
            return send("POST", "/merchants/" + merchant + "/members/member-" + random.nextInt(members) + "/redemptions",
                    key, body).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Creates the merchant (points never expire), its MARKETING and INTEGRATOR keys and the active reference program. */
    private String[] setUp(String merchant, String adminKey) throws Exception {
        Map<String, Object> body = Map.of("code", merchant, "name", "Mall load " + merchant, "timeZone", "Asia/Shanghai",
                "currency", "CNY", "pointsPolicy", Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                        "expiry", Map.of("rule", "NEVER"), "autoEnrol", true));
        expect(send("POST", "/merchants", adminKey, JSON.writeValueAsString(body)), 201);
        String marketing = key(merchant, adminKey, "MARKETING");
        String integrator = key(merchant, adminKey, "INTEGRATOR");
        List<Map<String, String>> files = new ArrayList<>();
        for (RuleFile f : ReferenceProgram.ruleSet().files()) {
            files.add(f.name().endsWith(".xlsx") || f.name().endsWith(".xls")
                    ? Map.of("name", f.name(), "encoding", "base64", "content", Base64.getEncoder().encodeToString(f.content()))
                    : Map.of("name", f.name(), "content", f.text()));
        }
        JsonNode version = JSON.readTree(expect(send("POST", "/merchants/" + merchant + "/rule-versions", marketing,
                JSON.writeValueAsString(Map.of("description", "reference", "files", files))), 201).body());
        expect(send("POST", "/merchants/" + merchant + "/rule-versions/" + version.get("number").asInt() + "/activation",
                marketing, "{}"), 200);
        return new String[] {marketing, integrator};
    }

    private String key(String merchant, String adminKey, String role) throws Exception {
        return JSON.readTree(expect(send("POST", "/merchants/" + merchant + "/api-keys", adminKey,
                JSON.writeValueAsString(Map.of("role", role))), 201).body()).get("secret").asText();
    }

    private HttpResponse<String> send(String method, String path, String key, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Api-Key", key).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void runAll(ExecutorService pool, int count, IntConsumer task) throws Exception {
        List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, ((java.util.concurrent.ThreadPoolExecutor) pool).getMaximumPoolSize());
        for (int w = 0; w < workers; w++) {
            jobs.add(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.accept(i);
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(jobs)) {
            f.get();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
