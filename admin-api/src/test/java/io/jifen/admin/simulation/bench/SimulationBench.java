package io.jifen.admin.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark driver (BENCHMARKS.md, section 9, "Impact simulation"): on a running service whose merchant has a
 * seeded history ({@link SeedHistory}), uploads the candidate — the reference program with member day at
 * triple points instead of double — and runs one simulation over the window, printing its progress every
 * second as the API reports it and, at the end, its duration (startedAt to finishedAt) and the report's
 * headline figures. Talks only to the loopback URL it is given.
 * <pre>
 * ... io.jifen.admin.simulation.bench.SimulationBench --url http://127.0.0.1:8093 --merchant fresh-harbour \
 *     --key $MARKETING --from 2025-12-01T00:00:00+08:00 --to 2026-12-01T00:00:00+08:00 [--baseline 1] [--start-only true]
 * </pre>
 */
public final class SimulationBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        String url = args.getOrDefault("url", "http://127.0.0.1:8093");
        if (!URI.create(url).getHost().matches("localhost|127\\.\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("only loopback addresses: " + url);
        }
        String merchant = args.getOrDefault("merchant", "fresh-harbour");
        String key = args.get("key");
        HttpClient http = HttpClient.newHttpClient();

        int candidate = args.containsKey("candidate") ? Integer.parseInt(args.get("candidate")) : upload(http, url, merchant, key);
        Map<String, Object> body = new HashMap<>(Map.of("candidateVersion", candidate,
                "from", args.getOrDefault("from", "2025-12-01T00:00:00+08:00"),
                "to", args.getOrDefault("to", "2026-12-01T00:00:00+08:00")));
        if (args.containsKey("baseline")) {
            body.put("baseline", Map.of("kind", "VERSION", "version", Integer.parseInt(args.get("baseline"))));
        }
        JsonNode run = send(http, "POST", url + "/merchants/" + merchant + "/simulations", key, JSON.writeValueAsString(body), 202);
        long id = run.get("id").asLong();
        System.out.printf("SIMULATION=%d candidate %d%n", id, candidate);
        if (Boolean.parseBoolean(args.getOrDefault("start-only", "false"))) {
            return;
        }
        String path = url + "/merchants/" + merchant + "/simulations/" + id;
        while (true) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            run = send(http, "GET", path, key, null, 200);
            JsonNode p = run.get("progress");
            System.out.printf("%s %s processed %d of %s, %s/s, %s s left%n", Instant.now(), run.get("status").asText(),
                    p.get("processed").asLong(), p.get("total").asText(), p.get("ratePerSecond").asText(),
                    p.get("secondsLeft").asText());
            if (!List.of("QUEUED", "RUNNING").contains(run.get("status").asText())) {
                break;
            }
        }
        Instant started = Instant.parse(run.get("startedAt").asText());
        Instant finished = Instant.parse(run.get("finishedAt").asText());
        System.out.printf("run %d %s: %d transactions in %.1f s (startedAt to finishedAt)%n", id, run.get("status").asText(),
                run.get("progress").get("processed").asLong(), Duration.between(started, finished).toMillis() / 1000.0);
        JsonNode r = run.get("report");
        if (r != null && !r.isNull()) {
            System.out.printf("report: transactions %s%n points %s%n members %s gaining, %s losing, %s equal; liability change %s %s;"
                            + " failures %s; first rule change %s%n", r.get("transactions"), r.get("points"),
                    r.get("members").get("gaining"), r.get("members").get("losing"), r.get("members").get("equal"),
                    r.get("money").get("liabilityChange"), r.get("currency"), r.get("failures").get("count"),
                    r.get("byRule").get(0));
        } else {
            System.out.println("error: " + run.get("error"));
        }
    }

    /** The reference program with member day at triple points: its version number (200 when uploaded before). */
    private static int upload(HttpClient http, String url, String merchant, String key) throws Exception {
        List<Map<String, String>> files = new ArrayList<>();
        for (RuleFile f : ReferenceProgram.ruleSet().files()) {
            if (f.name().endsWith(".xlsx")) {
                files.add(Map.of("name", f.name(), "encoding", "base64",
                        "content", Base64.getEncoder().encodeToString(f.content())));
            } else {
                String text = f.text();
                if (f.name().equals("member-day.dslr")) {
                    text = text.replace("by 2 as a MEMBER_DAY", "by 3 as a MEMBER_DAY");
                }
                files.add(Map.of("name", f.name(), "content", text));
            }
        }
        JsonNode v = send(http, "POST", url + "/merchants/" + merchant + "/rule-versions", key,
                JSON.writeValueAsString(Map.of("description", "member day at triple points", "files", files)), -1);
        return v.get("number").asInt();
    }

    private static JsonNode send(HttpClient http, String method, String url, String key, String body, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 ? response.statusCode() != expected : response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
