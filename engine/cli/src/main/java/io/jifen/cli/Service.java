package io.jifen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running Jifen service, reached with the JDK's HTTP client: {@code --server} (or JIFEN_SERVER),
 * {@code --merchant} (or JIFEN_MERCHANT), and the API key from the environment variable JIFEN_API_KEY
 * only — a key on the command line would stay in the shell's history and in the process list.
 * A service that cannot be reached is exit 3; a problem (RFC 9457) it answers is shown as its title,
 * detail and field errors.
 */
final class Service {
    static final String KEY_VARIABLE = "JIFEN_API_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:JIFEN_SERVER:-http://localhost:8080}",
            description = "The service's base URL (default: JIFEN_SERVER, else http://localhost:8080).")
    String server;

    @Option(names = "--merchant", paramLabel = "CODE", defaultValue = "${env:JIFEN_MERCHANT}",
            description = "The merchant's code (default: JIFEN_MERCHANT).")
    String merchant;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for an answer (default: ${DEFAULT-VALUE} s; suite runs take a while).")
    int timeoutSeconds;

    private HttpClient client;

    record Answer(int status, JsonNode body) {
    }

    /** The merchant's path: /merchants/{code} then {@code path}. */
    String merchantPath(String path) {
        if (merchant == null || merchant.isBlank()) {
            throw Failure.usage("name the merchant: --merchant CODE or JIFEN_MERCHANT");
        }
        return "/merchants/" + URLEncoder.encode(merchant, StandardCharsets.UTF_8) + path;
    }

    JsonNode get(String path) {
        return ok(send("GET", path, null));
    }

    JsonNode post(String path, Object body) {
        return ok(send("POST", path, body));
    }

    /** The answer whatever its status, for callers that read some problems themselves. */
    Answer send(String method, String path, Object body) {
        String key = System.getenv(KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw Failure.usage("set the API key in the environment variable " + KEY_VARIABLE
                    + " (it is never taken as an argument)");
        }
        URI uri;
        try {
            uri = new URI(server.replaceAll("/+$", "") + path);
        } catch (URISyntaxException e) {
            throw Failure.usage("--server " + server + " is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw Failure.usage("--server " + server + " is not an http(s) URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("X-Api-Key", key).header("Accept", "application/json, application/problem+json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : readJson(text);
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new Failure(Exit.UNREACHABLE, "cannot reach the service at " + server + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Exit.UNREACHABLE, "interrupted while waiting for " + server);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        return client;
    }

    /** The body of a 2xx answer; any other is a failure: exit 3 for 5xx, 2 otherwise. */
    static JsonNode ok(Answer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer.body();
        }
        throw problem(answer, answer.status() >= 500 ? Exit.UNREACHABLE : Exit.REJECTED_OR_USAGE);
    }

    /** A problem answer (RFC 9457) in words: "title (status): detail", then each error on a line. */
    static Failure problem(Answer answer, int exitCode) {
        JsonNode p = answer.body();
        String title = text(p, "title");
        String detail = text(p, "detail");
        String message = (title == null ? "the service answered" : title) + " (" + answer.status() + ")"
                + (detail == null ? (p.isTextual() ? ": " + p.asText() : "") : ": " + detail);
        List<String> details = new ArrayList<>();
        for (JsonNode e : p.path("errors")) {
            String at;
            if (e.hasNonNull("file")) {
                at = e.get("file").asText() + (e.hasNonNull("cell") ? "!" + e.get("cell").asText()
                        : e.hasNonNull("line") ? ":" + e.get("line").asText()
                        + (e.hasNonNull("column") ? ":" + e.get("column").asText() : "") : "");
            } else if (e.hasNonNull("field")) {
                at = e.get("field").asText() + (e.hasNonNull("line") ? " (line " + e.get("line").asText() + ")" : "");
            } else {
                at = null;
            }
            details.add((at == null ? "" : at + ": ") + text(e, "message"));
        }
        return new Failure(exitCode, message, details);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
