package io.jifen.admin.ruleset;

import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.HeldCompiles;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.merchantOnReferenceProgram;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** The rule-engine limits through the service: compiles at once (503 + Retry-After), table rows, eviction. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class CompileLimitsApiTest {
    @Inject
    ProgramRegistry registry;

    @Inject
    ProgramEviction eviction;

    @Inject
    HeldCompiles compiles;

    @Inject
    AdjustableClock clock;

    /** A one-file program no other test uploads, so its compile is never a cache hit. */
    private static String uniqueDrl(int points) {
        return earnDrl(points) + "// " + UUID.randomUUID() + "\n";
    }

    private static String hashOf(String drl) {
        return RuleSet.of(RuleFile.text("earning.drl", drl)).contentHash();
    }

    private static Response uploadDrl(Api.TestMerchant shop, String drl) {
        return as(shop.marketing()).body(Map.of("files", List.of(textFile("earning.drl", drl))))
                .post("/merchants/" + shop.code() + "/rule-versions");
    }

    @Test
    void compilesBeyondTheLimitAnswer503WithRetryAfterWhilePostingsGoOn() throws Exception {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        int slots = registry.maxConcurrentCompiles();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            held.add(uniqueDrl(10 + i));
        }
        ExecutorService uploaders = Executors.newFixedThreadPool(slots);
        try (HeldCompiles.Held hold = compiles.hold(Set.copyOf(held.stream().map(CompileLimitsApiTest::hashOf).toList()))) {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (String drl : held) {
                uploads.add(uploaders.submit(() -> uploadDrl(shop, drl).statusCode()));
            }
            hold.awaitAllStarted();

            Response refused = uploadDrl(shop, uniqueDrl(99));
            refused.then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://jifen.io/problems/compiler-busy"))
                    .body("detail", containsString("compiling " + slots + " rule sets already"));
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            // the held compiles have nearly all of their 30 s left
            assertThat(retryAfter).isBetween(1L, 30L);

            // a posting on the live (cached) program does not wait for the compile slots
            as(shop.integrator()).body(Map.of("transactionId", "p-" + UUID.randomUUID(), "memberId", "ann",
                            "occurredAt", "2026-03-05T04:00:00Z", "total", "100.00"))
                    .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);

            hold.release();
            for (Future<Integer> upload : uploads) {
                assertThat(upload.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            uploaders.shutdownNow();
        }
        uploadDrl(shop, uniqueDrl(99)).then().statusCode(201);
    }

    @Test
    void aTableOverTheRowLimitIsRejectedNamingTheFileAndTheFirstRowOverIt() {
        StringBuilder csv = new StringBuilder("""
                RuleSet,io.jifen.test
                Import,io.jifen.engine.facts.*
                Variables,RuleActions actions
                ,
                RuleTable Rates
                NAME,RULEFLOW-GROUP,CONDITION,ACTION
                ,,$line : LineItem,
                ,,"category == ""$param""\","actions.lineMultiplier($line, $1, ""$2"");"
                Rule,Phase,Category,"Factor, reason"
                """);
        for (int i = 0; i < 1_001; i++) {
            csv.append("rate ").append(i).append(",base,c-").append(i).append(",\"2, rate\"\n");
        }
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).body(Map.of("files", List.of(textFile("rates.csv", csv.toString()))))
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(422)
                .body("type", equalTo("https://jifen.io/problems/rule-set-rejected"))
                .body("errors", hasSize(1))
                .body("errors[0].file", equalTo("rates.csv"))
                .body("errors[0].line", equalTo(10 + 1_000)) // 9 header rows, then rule rows 1..1000
                .body("errors[0].message", containsString("over the limit of 1000 rule rows per decision table"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anIdleDraftIsEvictedButLiveAndScheduledVersionsStayAndTheDraftCompilesAgainOnItsNextDryRun() {
        Api.TestMerchant shop = newMerchant();
        String liveDrl = uniqueDrl(1);
        String draftDrl = uniqueDrl(2);
        String scheduledDrl = uniqueDrl(3);
        int live = uploadDrl(shop, liveDrl).then().statusCode(201).extract().path("number");
        activate(shop, live);
        int draft = uploadDrl(shop, draftDrl).then().statusCode(201).extract().path("number");
        int scheduled = uploadDrl(shop, scheduledDrl).then().statusCode(201).extract().path("number");
        as(shop.marketing()).body(Map.of("at", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/merchants/" + shop.code() + "/rule-versions/" + scheduled + "/activation").then().statusCode(202);
        assertThat(registry.isCached(hashOf(draftDrl))).isTrue();
        try {
            assertThat(eviction.evict()).as("nothing of this test is idle yet").isGreaterThanOrEqualTo(0);
            assertThat(registry.isCached(hashOf(draftDrl))).isTrue();

            clock.advance(Duration.ofMinutes(16)); // past the 15-minute idle time
            eviction.evict();

            assertThat(registry.isCached(hashOf(draftDrl))).as("the idle draft").isFalse();
            assertThat(registry.isCached(hashOf(liveDrl))).as("the live version, idle as long").isTrue();
            assertThat(registry.isCached(hashOf(scheduledDrl))).as("the scheduled version").isTrue();
        } finally {
            clock.reset();
        }
        long misses = registry.cacheStats().misses();
        as(shop.qa()).body(Map.of("transactionId", "dry-" + UUID.randomUUID(), "memberId", "bo",
                        "occurredAt", "2026-03-05T04:00:00Z", "total", "100.00"))
                .post("/merchants/" + shop.code() + "/dry-runs/purchases?version=" + draft).then().statusCode(200)
                .body("totalPoints", equalTo(200));
        assertThat(registry.cacheStats().misses()).as("compiled again from its stored files").isEqualTo(misses + 1);
        assertThat(registry.isCached(hashOf(draftDrl))).isTrue();
    }
}
