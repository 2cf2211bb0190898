package io.jifen.examples.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * What the load generators share: an HTTP client that only talks to loopback addresses, setting up a
 * merchant on the reference program, running N tasks over a pool, and latency percentiles.
 */
final class LoadClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http;

    LoadClient(String url) {
        this.url = url;
        if (!URI.create(url).getHost().matches("localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\]|::1")) {
            throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + url);
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code --name value} pairs. */
    static Map<String, String> args(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        return args;
    }

    /** The keys of a merchant set up by {@link #merchantOnReferenceProgram}. */
    record Keys(String marketing, String integrator) {
    }

    /** Creates the merchant with this points policy, its MARKETING and INTEGRATOR keys, and the active reference program. */
    Keys merchantOnReferenceProgram(String merchant, String name, String adminKey, Map<String, Object> policy) {
        Map<String, Object> body = Map.of("code", merchant, "name", name, "timeZone", "Asia/Shanghai",
                "currency", "CNY", "pointsPolicy", policy);
        expect(send("POST", "/merchants", adminKey, json(body)), 201);
        String marketing = key(merchant, adminKey, "MARKETING");
        String integrator = key(merchant, adminKey, "INTEGRATOR");
        List<Map<String, String>> files = new ArrayList<>();
        for (RuleFile f : ReferenceProgram.ruleSet().files()) {
            files.add(f.name().endsWith(".xlsx") || f.name().endsWith(".xls")
                    ? Map.of("name", f.name(), "encoding", "base64", "content", Base64.getEncoder().encodeToString(f.content()))
                    : Map.of("name", f.name(), "content", f.text()));
        }
        JsonNode version = read(expect(send("POST", "/merchants/" + merchant + "/rule-versions", marketing,
                json(Map.of("description", "reference", "files", files))), 201).body());
        expect(send("POST", "/merchants/" + merchant + "/rule-versions/" + version.get("number").asInt() + "/activation",
                marketing, "{}"), 200);
        return new Keys(marketing, integrator);
    }

    private String key(String merchant, String adminKey, String role) {
        return read(expect(send("POST", "/merchants/" + merchant + "/api-keys", adminKey, json(Map.of("role", role))), 201)
                .body()).get("secret").asText();
    }

    HttpResponse<String> send(String method, String path, String key, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Api-Key", key).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs task(0) … task(count - 1) on the pool's workers, each taking the next index. */
    static void runAll(ExecutorService pool, int count, IntConsumer task) throws Exception {
        List<Callable<Void>> jobs = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, ((ThreadPoolExecutor) pool).getMaximumPoolSize());
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

    /** The quantile of sorted nanosecond latencies, in milliseconds. */
    static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
