package io.jifen.admin.support;

import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Domain-named helpers for API tests: a fresh merchant with keys for every role. */
public final class Api {
    public static final String ADMIN_KEY = "test-admin-key";

    private Api() {
    }

    /** YAML bodies (regression suites) are sent as the text they are. */
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/yaml", ContentType.TEXT)
            .encodeContentTypeAs("text/yaml", ContentType.TEXT)
            .encodeContentTypeAs("application/x-yaml", ContentType.TEXT));

    public static RequestSpecification as(String key) {
        return given().config(CONFIG).header("X-Api-Key", key).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_KEY);
    }

    /** A merchant with a unique code, in Shanghai, CNY, default policy. */
    public static TestMerchant newMerchant() {
        String code = "m-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(merchantBody(code)).post("/merchants").then().statusCode(201);
        return new TestMerchant(code, key(code, "MARKETING"), key(code, "INTEGRATOR"), key(code, "QA"));
    }

    /** A merchant whose points policy has these settings on top of the default one. */
    public static TestMerchant newMerchant(Map<String, Object> policy) {
        String code = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(merchantBody(code));
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = new HashMap<>((Map<String, Object>) body.get("pointsPolicy"));
        merged.putAll(policy);
        body.put("pointsPolicy", merged);
        asAdmin().body(body).post("/merchants").then().statusCode(201);
        return new TestMerchant(code, key(code, "MARKETING"), key(code, "INTEGRATOR"), key(code, "QA"));
    }

    /** A merchant with these policy settings, running the reference program. */
    public static TestMerchant merchantOnReferenceProgram(Map<String, Object> policy) {
        return activateReferenceProgram(newMerchant(policy));
    }

    /** Activates the reference program and defines the campaign its year-end rules name, without a budget. */
    private static TestMerchant activateReferenceProgram(TestMerchant merchant) {
        int version = uploadReferenceProgram(merchant);
        as(merchant.marketing()).post("/merchants/" + merchant.code() + "/rule-versions/" + version + "/activation")
                .then().statusCode(200);
        defineYearEndCampaign(merchant);
        return merchant;
    }

    /** The reference program's year-end campaign (2026-11-01 to 2026-12-31, Shanghai), with no budget or audience. */
    public static void defineYearEndCampaign(TestMerchant merchant) {
        as(merchant.marketing()).body(Map.of("code", "year-end", "name", "Year-end campaign",
                        "startsAt", "2026-11-01T00:00", "endsAt", "2027-01-01T00:00"))
                .post("/merchants/" + merchant.code() + "/campaigns").then().statusCode(201);
    }

    public static Map<String, Object> merchantBody(String code) {
        return Map.of("code", code, "name", "Shop " + code, "timeZone", "Asia/Shanghai", "currency", "CNY",
                "pointsPolicy", Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                        "expiry", Map.of("rule", "ROLLING_MONTHS", "months", 12), "accountCap", 1_000_000,
                        "autoEnrol", true));
    }

    static String key(String merchant, String role) {
        return asAdmin().body(Map.of("role", role, "label", role.toLowerCase() + " for tests"))
                .post("/merchants/" + merchant + "/api-keys").then().statusCode(201).extract().path("secret");
    }

    /** Uploads the reference program as the merchant's next version; returns its number. */
    public static int uploadReferenceProgram(TestMerchant merchant) {
        return upload(merchant, ReferenceProgram.ruleSet());
    }

    /** Uploads a rule set as the merchant's next version (binary files base64); returns its number. */
    public static int upload(TestMerchant merchant, RuleSet ruleSet) {
        List<Map<String, String>> files = ruleSet.files().stream()
                .map(f -> f.name().endsWith(".xlsx") || f.name().endsWith(".xls")
                        ? Map.of("name", f.name(), "encoding", "base64",
                                "content", Base64.getEncoder().encodeToString(f.content()))
                        : Map.of("name", f.name(), "content", f.text()))
                .toList();
        return as(merchant.marketing()).body(Map.of("description", "reference program", "files", files))
                .post("/merchants/" + merchant.code() + "/rule-versions").then().statusCode(Matchers.oneOf(200, 201))
                .extract().path("number");
    }

    /** A merchant running the reference program. */
    public static TestMerchant merchantOnReferenceProgram() {
        return activateReferenceProgram(newMerchant());
    }

    public record TestMerchant(String code, String marketing, String integrator, String qa) {
    }
}
