package io.jifen.admin.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A thread-safe JSON client for a service process (integration tests): plain {@link HttpClient} over
 * HTTP/1.1 to 127.0.0.1, every request bounded by a timeout, every answer kept whole (status,
 * content type, replay header, body).
 */
public final class ServiceClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public ServiceClient(PackagedService service) {
        this.base = "http://127.0.0.1:" + service.port();
    }

    /** An answer. {@code replayed}: the Idempotent-Replayed header was {@code true}. */
    public record Reply(int status, String contentType, boolean replayed, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + (replayed ? " (replayed)" : "") + " " + contentType + " " + body;
        }
    }

    /** Sends one request; IOException when the service did not answer (refused, reset, timed out). */
    public Reply send(String method, String path, String apiKey, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null || "POST".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Sends and requires the status; for setup steps. */
    public Reply expect(int status, String method, String path, String apiKey, Object body) {
        Reply reply;
        try {
            reply = send(method, path, apiKey, body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " got no answer", e);
        }
        if (reply.status() != status) {
            throw new IllegalStateException(method + " " + path + ": expected " + status + ", got " + reply);
        }
        return reply;
    }

    /** A new merchant (Shanghai, CNY, the default policy with these settings on top) with a key for every role. */
    public Api.TestMerchant newMerchant(String adminKey, Map<String, Object> policy) {
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Api.merchantBody(code));
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = new HashMap<>((Map<String, Object>) body.get("pointsPolicy"));
        merged.putAll(policy);
        body.put("pointsPolicy", merged);
        expect(201, "POST", "/merchants", adminKey, body);
        return new Api.TestMerchant(code, apiKey(adminKey, code, "MARKETING"), apiKey(adminKey, code, "INTEGRATOR"),
                apiKey(adminKey, code, "QA"));
    }

    /** A new merchant running the reference program (uploaded as version 1 and activated). */
    public Api.TestMerchant merchantOnReferenceProgram(String adminKey, Map<String, Object> policy) {
        Api.TestMerchant merchant = newMerchant(adminKey, policy);
        int version = upload(merchant, ReferenceProgram.ruleSet());
        expect(200, "POST", "/merchants/" + merchant.code() + "/rule-versions/" + version + "/activation",
                merchant.marketing(), null);
        return merchant;
    }

    private String apiKey(String adminKey, String merchant, String role) {
        return expect(201, "POST", "/merchants/" + merchant + "/api-keys", adminKey,
                Map.of("role", role, "label", role.toLowerCase() + " for an integration test")).json().get("secret").asText();
    }

    private int upload(Api.TestMerchant merchant, RuleSet ruleSet) {
        List<Map<String, String>> files = ruleSet.files().stream()
                .map(f -> f.name().endsWith(".xlsx") || f.name().endsWith(".xls")
                        ? Map.of("name", f.name(), "encoding", "base64", "content", Base64.getEncoder().encodeToString(f.content()))
                        : Map.of("name", f.name(), "content", f.text()))
                .toList();
        return expect(201, "POST", "/merchants/" + merchant.code() + "/rule-versions", merchant.marketing(),
                Map.of("description", "integration test", "files", files)).json().get("number").asInt();
    }
}
