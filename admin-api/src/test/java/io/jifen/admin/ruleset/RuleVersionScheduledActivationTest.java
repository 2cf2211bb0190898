package io.jifen.admin.ruleset;

import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RuleVersionScheduledActivationTest {

    @Inject
    ActivationWatcher watcher;

    @Inject
    ProgramRegistry registry;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aVersionScheduledTwoSecondsAheadIsScheduledThenActiveAndAnnouncedOnce() throws Exception {
        Api.TestMerchant shop = newMerchant();
        int v1 = uploadDrl(shop, 21);
        int v2 = uploadDrl(shop, 22);
        activate(shop, v1);
        Instant at = clock.instant().plusSeconds(2);
        as(shop.marketing()).body(Map.of("at", at.toString()))
                .post("/merchants/" + shop.code() + "/rule-versions/" + v2 + "/activation").then().statusCode(202)
                .body("effectiveAt", notNullValue());
        assertThat(status(shop, v2)).isEqualTo("SCHEDULED");
        assertThat(status(shop, v1)).isEqualTo("ACTIVE");

        // the switch needs no job: the active version follows the clock, so move the clock past the instant
        clock.advance(Duration.ofSeconds(3));
        assertThat(status(shop, v2)).isEqualTo("ACTIVE");
        assertThat(status(shop, v1)).isEqualTo("INACTIVE");
        as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active").then().body("number", equalTo(v2));

        // announcing: every "instance" polls at once (plus the real scheduled job); one entry in all
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> polls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                polls.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return watcher.tick(clock.instant());
                }));
            }
            start.countDown();
            for (Future<Integer> p : polls) {
                p.get();
            }
        } finally {
            pool.shutdownNow();
        }
        watcher.tick(clock.instant());
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.action == 'rule-version.went-live' }.size()", equalTo(1))
                .body("items.find { it.action == 'rule-version.went-live' }.target", equalTo("rule-version/" + v2))
                .body("items.find { it.action == 'rule-version.went-live' }.actorKeyId", equalTo("scheduler"))
                .body("items.find { it.action == 'rule-version.activation-scheduled' }.target", equalTo("rule-version/" + v2));
    }

    @Test
    void theWatcherAnnouncesOnlyOnceTheInstantHasComeAndCompilesAheadOfIt() {
        Api.TestMerchant shop = newMerchant();
        int v = uploadDrl(shop, 31);
        Instant at = clock.instant().plus(Duration.ofSeconds(30));
        as(shop.marketing()).body(Map.of("at", at.toString()))
                .post("/merchants/" + shop.code() + "/rule-versions/" + v + "/activation").then().statusCode(202);
        String hash = as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/" + v).then().extract().path("contentHash");
        // a minute ahead it is compiled in advance; two minutes ahead not yet
        assertThat(watcher.precompileDue(at.minusSeconds(120))).noneMatch(rv -> rv.contentHash.equals(hash));
        assertThat(watcher.precompileDue(at.minusSeconds(10))).anyMatch(rv -> rv.contentHash.equals(hash) && rv.number == v);
        long misses = registry.cacheStats().misses();
        // a poll before the instant announces nothing, and the program is already in the cache
        watcher.tick(at.minusSeconds(10));
        assertThat(registry.cacheStats().misses()).isEqualTo(misses);
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.action == 'rule-version.went-live' }", empty());
        // a poll as of the instant (an injected clock, not a sleep) announces it
        assertThat(watcher.tick(at.plusMillis(1))).isGreaterThanOrEqualTo(1);
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.action == 'rule-version.went-live' }.size()", equalTo(1));
        watcher.tick(at.plusSeconds(1));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.action == 'rule-version.went-live' }.size()", equalTo(1));
    }

    @Test
    void aPendingActivationCanBeCancelledAndIsNeverAnnounced() {
        Api.TestMerchant shop = newMerchant();
        int v1 = uploadDrl(shop, 41);
        int v2 = uploadDrl(shop, 42);
        activate(shop, v1);
        Instant at = clock.instant().plus(Duration.ofHours(1));
        String url = "/merchants/" + shop.code() + "/rule-versions/" + v2 + "/activation";
        as(shop.marketing()).body(Map.of("at", at.toString())).post(url).then().statusCode(202);
        assertThat(status(shop, v2)).isEqualTo("SCHEDULED");
        as(shop.marketing()).delete(url).then().statusCode(200)
                .body("version", equalTo(v2)).body("cancelledEffectiveAt", hasSize(1));
        assertThat(status(shop, v2)).isEqualTo("DRAFT");
        watcher.tick(at.plusSeconds(1));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.find { it.action == 'rule-version.activation-cancelled' }.target", equalTo("rule-version/" + v2))
                .body("items.findAll { it.action == 'rule-version.went-live' && it.target == 'rule-version/" + v2 + "' }", empty());
        // nothing left to cancel
        as(shop.marketing()).delete(url).then().statusCode(409).body("type", endsWith("/no-pending-activation"));
    }

    @Test
    void anActivationThatTookEffectCannotBeCancelled() {
        Api.TestMerchant shop = newMerchant();
        int v = uploadDrl(shop, 51);
        activate(shop, v);
        as(shop.marketing()).delete("/merchants/" + shop.code() + "/rule-versions/" + v + "/activation").then()
                .statusCode(409).contentType("application/problem+json").body("type", endsWith("/activation-in-effect"));
        assertThat(status(shop, v)).isEqualTo("ACTIVE");
        as(shop.marketing()).delete("/merchants/" + shop.code() + "/rule-versions/9/activation").then().statusCode(404);
    }
}
