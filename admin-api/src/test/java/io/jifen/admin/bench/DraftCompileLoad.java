package io.jifen.admin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.WhenBusy;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The Edit page's live-diagnostics round trip as a benchmark (not a test; BENCHMARKS.md section 8):
 * POST /merchants/{code}/compilations with every file of the reference program, one request at a
 * time as one author's editor sends them, against a running (packaged) service. Each request
 * carries an edit (a comment line in member-day.dslr numbered by the request), so no request is
 * answered from the compiled-program cache: every one is a full compile, as when typing. Every
 * answer is checked (200, {@code ok}, 32 rules). {@code --unchanged true} uploads the files as a
 * version first and then sends them unchanged every time (the cache's answer, for comparison).
 *
 * <p>Yardstick, in the same run: the engine alone compiling the same edited rule set in this JVM
 * ({@code LoyaltyEngine.check}, never cached), before and after the HTTP measurement.
 *
 * <p>Sets up its own merchant and MARKETING key with the platform admin key; talks only to the URL
 * it is given; bounded by {@code --requests}.
 */
public final class DraftCompileLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DraftCompileLoad() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        String url = args.getOrDefault("url", "http://127.0.0.1:8080");
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "50"));
        int requests = Integer.parseInt(args.getOrDefault("requests", "200"));
        int yardstick = Integer.parseInt(args.getOrDefault("yardstick", "30"));
        boolean unchanged = Boolean.parseBoolean(args.getOrDefault("unchanged", "false"));
        String adminKey = args.getOrDefault("admin-key", "jifen-dev-admin-key-change-me");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String merchant = "edit-load-" + System.currentTimeMillis();
        send(http, url, "POST", "/merchants", adminKey, Map.of("code", merchant, "name", "Edit load",
                "timeZone", "Asia/Shanghai", "currency", "CNY", "pointsPolicy", Map.of("rounding", "DOWN",
                        "stacking", "ADDITIVE", "expiry", Map.of("rule", "ROLLING_MONTHS", "months", 12),
                        "accountCap", 1_000_000, "autoEnrol", true)), 201);
        String key = send(http, url, "POST", "/merchants/" + merchant + "/api-keys", adminKey,
                Map.of("role", "MARKETING", "label", "edit load"), 201).get("secret").asText();
        System.out.printf("merchant %s ready%n", merchant);

        IntFunction<List<RuleFile>> draft = n -> ReferenceProgram.ruleSet().files().stream()
                .map(f -> f.name().equals("member-day.dslr") && !unchanged
                        ? RuleFile.text(f.name(), f.text() + "// edit " + n + "\n") : f)
                .toList();

        double[] before = engineAlone(draft, yardstick, 1_000_000);
        System.out.printf("yardstick before: engine alone compiling the edited reference program, %d runs: p50 %.1f ms, p95 %.1f ms%n",
                yardstick, percentile(before, 50), percentile(before, 95));

        if (unchanged) {
            // stored as a version, so its compiled program is in the service's cache: what a draft
            // identical to a stored version gets
            Map<String, Object> upload = new LinkedHashMap<>(body(draft.apply(0)));
            upload.put("description", "edit load");
            send(http, url, "POST", "/merchants/" + merchant + "/rule-versions", key, upload, 201);
        }
        String path = "/merchants/" + merchant + "/compilations";
        for (int i = 0; i < warmup; i++) {
            compile(http, url, path, key, draft.apply(i));
        }
        double[] latencies = new double[requests];
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            Map<String, Object> body = body(draft.apply(warmup + i));
            long t0 = System.nanoTime();
            JsonNode answer = send(http, url, "POST", path, key, body, 200);
            latencies[i] = (System.nanoTime() - t0) / 1e6;
            if (!answer.get("ok").asBoolean() || answer.get("rules").size() != 32) {
                throw new IllegalStateException("unexpected compile answer: " + answer);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("POST compilations, %s, %d requests one at a time after %d warm-up: %.1f requests/s%n",
                unchanged ? "the files of a stored version (answered from the cache)" : "each with an edit (full compile)", requests, warmup, requests / seconds);
        System.out.printf("round trip: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(latencies, 50),
                percentile(latencies, 95), percentile(latencies, 99), Arrays.stream(latencies).max().orElse(0));

        double[] after = engineAlone(draft, yardstick, 2_000_000);
        System.out.printf("yardstick after: engine alone, %d runs: p50 %.1f ms, p95 %.1f ms%n",
                yardstick, percentile(after, 50), percentile(after, 95));
    }

    /** The engine in this JVM compiling the edited rule set (first 5 runs as warm-up), in ms. */
    private static double[] engineAlone(IntFunction<List<RuleFile>> draft, int runs, int offset) {
        LoyaltyEngine engine = new LoyaltyEngine();
        double[] ms = new double[runs];
        for (int i = -5; i < runs; i++) {
            RuleSet ruleSet = new RuleSet(draft.apply(offset + i + 5));
            long t0 = System.nanoTime();
            engine.check(ruleSet, WhenBusy.WAIT);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    private static void compile(HttpClient http, String url, String path, String key, List<RuleFile> files) throws Exception {
        send(http, url, "POST", path, key, body(files), 200);
    }

    private static Map<String, Object> body(List<RuleFile> files) {
        List<Map<String, String>> json = new ArrayList<>();
        for (RuleFile f : files) {
            json.add(f.name().endsWith(".xlsx")
                    ? Map.of("name", f.name(), "encoding", "base64", "content", Base64.getEncoder().encodeToString(f.content()))
                    : Map.of("name", f.name(), "content", f.text()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", json);
        return body;
    }

    private static JsonNode send(HttpClient http, String url, String method, String path, String key, Object body,
                                 int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", key).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
