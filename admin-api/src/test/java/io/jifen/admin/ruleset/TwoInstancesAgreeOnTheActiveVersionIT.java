package io.jifen.admin.ruleset;

import io.jifen.admin.support.Database;
import io.jifen.admin.support.PackagedService;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSets;
import io.jifen.rules.ReferenceProgram;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 3: several service instances on one database agree on the active rule version. Two real
 * processes of the packaged service ({@code jifen-app/jifen-admin-api.jar}) share one schema; whatever is activated
 * through one — now, or at a scheduled instant — is what the other reports and evaluates purchases
 * with, and a transaction posted to one is replayed, not posted again, by the other.
 *
 * <p>Runs under Failsafe after {@code package}: {@code ./mvnw -B verify}.
 */
class TwoInstancesAgreeOnTheActiveVersionIT {
    private static final String ADMIN_KEY = "it-admin-key";
    /** Next to the unit tests' schema, so two checkouts (each with its JIFEN_TEST_SCHEMA) can run this at once. */
    private static final Database DB = Database.testServerSchema(
            System.getenv().getOrDefault("JIFEN_TEST_SCHEMA", "jifen_test") + "_it");
    /** 5 March 2026, noon in Shanghai: no member day, no threshold bonus; 100 yuan earns 100 points per point-per-yuan. */
    private static final String PURCHASED_AT = "2026-03-05T04:00:00Z";

    private static Instance a;
    private static Instance b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        DB.dropSchema();
        // one after the other: the first creates the schema (Flyway), the second finds it migrated
        a = startInstance("a");
        b = startInstance("b");
    }

    @AfterAll
    static void stopInstances() {
        stop(a);
        stop(b);
    }

    @Test
    void bothInstancesServeWhatIsActivatedThroughEitherAndSwitchTogetherAtAScheduledInstant() {
        Shop shop = newMerchant(a);
        assertThat(upload(a, shop, ReferenceProgram.ruleSet())).isEqualTo(1);      // 1 point per yuan
        assertThat(upload(a, shop, twoPointsPerYuan())).isEqualTo(2);              // 2 points per yuan
        activate(a, shop, 1);

        assertThat(activeVersionOn(b, shop)).isEqualTo(1);
        assertEarnsOnVersion(purchaseOn(b, shop, "on-b-after-activating-1-on-a"), 1);

        activate(b, shop, 2);
        assertThat(activeVersionOn(a, shop)).isEqualTo(2);
        assertEarnsOnVersion(purchaseOn(a, shop, "on-a-after-activating-2-on-b"), 2);

        // rollback to 1, scheduled through A a few seconds ahead; both follow the clock, no job involved
        Instant at = Instant.now().plusSeconds(3);
        scheduleActivation(a, shop, 1, at);
        List<Posted> purchases = new ArrayList<>();
        List<Observed> reads = new ArrayList<>();
        Instant giveUpAt = at.plusSeconds(20);
        for (int i = 0; !bothSeenOnVersionAfter(reads, 1, at) || sentAfter(purchases, at) < 4; i++) {
            if (Instant.now().isAfter(giveUpAt)) {
                fail("the instances did not both switch to version 1 within 20 s of " + at + "; reads: " + reads);
            }
            purchases.add(purchaseOn(i % 2 == 0 ? a : b, shop, "around-the-switch-" + i));
            reads.add(observeActiveVersion(a, shop));
            reads.add(observeActiveVersion(b, shop));
        }

        assertThat(purchases).allSatisfy(p -> {
            assertThat(p.status()).as("%s", p).isEqualTo(201);
            assertThat(p.points()).as("%s earns its version's points", p).isEqualTo(pointsFor100YuanOn(p.version()));
        });
        assertThat(purchases).as("each purchase on the version in force when it was evaluated")
                .allMatch(p -> consistentWithTheSwitch(p.sentAt(), p.answeredAt(), at, p.version()));
        assertThat(reads).as("each instance reported the version in force when it was asked")
                .allMatch(r -> consistentWithTheSwitch(r.sentAt(), r.answeredAt(), at, r.version()));
        assertThat(purchases).as("each instance evaluated purchases on both sides of the switch")
                .extracting(p -> p.instance() + " v" + p.version())
                .contains("instance a v2", "instance b v2", "instance a v1", "instance b v1");
        assertThat(activeVersionOn(a, shop)).isEqualTo(1);
        assertThat(activeVersionOn(b, shop)).isEqualTo(1);
    }

    @Test
    void aTransactionPostedToOneInstanceIsReplayedByTheOther() {
        Shop shop = newMerchant(a);
        activate(a, shop, upload(a, shop, ReferenceProgram.ruleSet()));

        Response first = purchaseOn(a, shop, "order-1001").response();
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        Response again = purchaseOn(b, shop, "order-1001").response();
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat((int) b.as(shop.qa()).get("/merchants/" + shop.code() + "/members/lin-mei").then().statusCode(200)
                .extract().path("balance")).as("posted once").isEqualTo(100);
    }

    // --- the domain: merchants, rule versions, activations, purchases, through one instance or the other

    record Shop(String code, String marketing, String integrator, String qa) {
    }

    /** A purchase's answer and when it was sent and answered, by the test's clock (the instances' clock too: one machine). */
    record Posted(String instance, String transactionId, Instant sentAt, Instant answeredAt, int status, int version, int points,
                  Response response) {
        @Override
        public String toString() {
            return transactionId + " on " + instance + " sent " + sentAt + " answered " + answeredAt + ": " + status
                    + " v" + version + " " + points + " points";
        }
    }

    /** The active version as one instance reported it, and when it was asked. */
    record Observed(String instance, Instant sentAt, Instant answeredAt, int version) {
    }

    static Shop newMerchant(Instance on) {
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        on.as(ADMIN_KEY).body(Map.of("code", code, "name", "Shop " + code, "timeZone", "Asia/Shanghai", "currency", "CNY",
                        "pointsPolicy", Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                                "expiry", Map.of("rule", "ROLLING_MONTHS", "months", 12), "accountCap", 1_000_000,
                                "autoEnrol", true)))
                .post("/merchants").then().statusCode(201);
        return new Shop(code, apiKey(on, code, "MARKETING"), apiKey(on, code, "INTEGRATOR"), apiKey(on, code, "QA"));
    }

    static String apiKey(Instance on, String merchant, String role) {
        return on.as(ADMIN_KEY).body(Map.of("role", role, "label", role.toLowerCase() + " for the two-instance test"))
                .post("/merchants/" + merchant + "/api-keys").then().statusCode(201).extract().path("secret");
    }

    /** The reference program with earning.drl at 2 points per yuan, as in ActivationUnderLoadTest. */
    static RuleSet twoPointsPerYuan() {
        RuleFile earning = ReferenceProgram.ruleFile("earning.drl");
        return RuleSets.with(ReferenceProgram.ruleSet(), List.of(RuleFile.text("earning.drl",
                earning.text().replace("pointsPerUnit(1, 1,", "pointsPerUnit(2, 1,"))), List.of());
    }

    static int pointsFor100YuanOn(int version) {
        return version == 1 ? 100 : 200;
    }

    static int upload(Instance on, Shop shop, RuleSet ruleSet) {
        List<Map<String, String>> files = ruleSet.files().stream()
                .map(f -> f.name().endsWith(".xlsx") || f.name().endsWith(".xls")
                        ? Map.of("name", f.name(), "encoding", "base64", "content", Base64.getEncoder().encodeToString(f.content()))
                        : Map.of("name", f.name(), "content", f.text()))
                .toList();
        return on.as(shop.marketing()).body(Map.of("description", "two-instance test", "files", files))
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(201).extract().path("number");
    }

    static void activate(Instance on, Shop shop, int version) {
        on.as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation")
                .then().statusCode(200);
    }

    static void scheduleActivation(Instance on, Shop shop, int version, Instant at) {
        on.as(shop.marketing()).body(Map.of("at", at.toString()))
                .post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation").then().statusCode(202);
    }

    static int activeVersionOn(Instance on, Shop shop) {
        return observeActiveVersion(on, shop).version();
    }

    static Observed observeActiveVersion(Instance on, Shop shop) {
        Instant sent = Instant.now();
        int version = on.as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active")
                .then().statusCode(200).extract().path("number");
        return new Observed(on.name(), sent, Instant.now(), version);
    }

    /** 100 yuan of groceries for member lin-mei. */
    static Posted purchaseOn(Instance on, Shop shop, String transactionId) {
        Instant sent = Instant.now();
        Response r = on.as(shop.integrator()).body(Map.of("transactionId", transactionId, "memberId", "lin-mei",
                        "occurredAt", PURCHASED_AT, "total", "100.00",
                        "lines", List.of(Map.of("sku", "RICE", "category", "grocery", "amount", "100.00"))))
                .post("/merchants/" + shop.code() + "/purchases");
        Instant answered = Instant.now();
        boolean ok = r.statusCode() == 200 || r.statusCode() == 201;
        return new Posted(on.name(), transactionId, sent, answered, r.statusCode(),
                ok ? r.<Integer>path("ruleVersion") : -1, ok ? r.<Integer>path("totalPoints") : -1, r);
    }

    static void assertEarnsOnVersion(Posted purchase, int version) {
        assertThat(purchase.status()).as(purchase.response().asString()).isEqualTo(201);
        assertThat(purchase.version()).as("%s", purchase).isEqualTo(version);
        assertThat(purchase.points()).as("%s", purchase).isEqualTo(pointsFor100YuanOn(version));
    }

    /** Answered before the instant: still 2; sent at or after it: 1; in flight across it: either. */
    static boolean consistentWithTheSwitch(Instant sentAt, Instant answeredAt, Instant switchAt, int version) {
        if (answeredAt.isBefore(switchAt)) {
            return version == 2;
        }
        if (!sentAt.isBefore(switchAt)) {
            return version == 1;
        }
        return version == 1 || version == 2;
    }

    static boolean bothSeenOnVersionAfter(List<Observed> reads, int version, Instant at) {
        return reads.stream().filter(r -> !r.sentAt().isBefore(at) && r.version() == version)
                .map(Observed::instance).distinct().count() == 2;
    }

    static long sentAfter(List<Posted> purchases, Instant at) {
        return purchases.stream().filter(p -> !p.sentAt().isBefore(at)).count();
    }

    // --- the two processes

    /** One running process of the packaged service, as the test names it in its messages. */
    record Instance(String name, PackagedService service) {
        RequestSpecification as(String apiKey) {
            return given().baseUri("http://127.0.0.1").port(service.port()).header("X-Api-Key", apiKey)
                    .contentType(ContentType.JSON);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Starts {@code java -jar jifen-app/jifen-admin-api.jar} against the test schema (log: it-instance-NAME.log) and waits until it is ready. */
    static Instance startInstance(String name) {
        return new Instance("instance " + name, PackagedService.start("it-instance-" + name, DB, ADMIN_KEY));
    }

    static void stop(Instance instance) {
        if (instance != null) {
            instance.service().stop();
        }
    }
}
