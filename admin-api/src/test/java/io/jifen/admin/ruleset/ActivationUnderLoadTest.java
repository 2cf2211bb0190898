package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSets;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jifen.admin.support.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Switching versions back and forth while purchases stream in: no request fails, each runs wholly on one version. */
@QuarkusTest
class ActivationUnderLoadTest {

    @Test
    void activationsDuringAStreamOfPurchasesFailNoRequestAndEachPurchaseRunsOnOneVersion() throws Exception {
        Api.TestMerchant shop = merchantOnReferenceProgram(); // version 1: 1 point per yuan
        RuleFile earning = ReferenceProgram.ruleFile("earning.drl");
        int doubled = upload(shop, RuleSets.with(ReferenceProgram.ruleSet(), List.of(RuleFile.text("earning.drl",
                earning.text().replace("pointsPerUnit(1, 1,", "pointsPerUnit(2, 1,"))), List.of()));
        assertThat(doubled).isEqualTo(2);

        int purchases = 240;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch progress = new CountDownLatch(purchases);
        ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < purchases; i = next.getAndIncrement()) {
                    responses.add(as(shop.integrator()).body(Map.of("transactionId", "load-" + i, "memberId", "member-" + (i % 20),
                                    "occurredAt", "2026-03-05T04:00:00Z", "total", "100.00",
                                    "lines", List.of(Map.of("sku", "RICE", "category", "grocery", "amount", "100.00"))))
                            .post("/merchants/" + shop.code() + "/purchases"));
                    progress.countDown();
                }
            }));
        }
        // switch at fixed points of progress, not at guessed times
        int[] switchAt = {200, 160, 120, 80, 40};
        int[] versions = {2, 1, 2, 1, 2};
        for (int s = 0; s < switchAt.length; s++) {
            while (progress.getCount() > switchAt[s]) {
                progress.await(10, TimeUnit.MILLISECONDS);
            }
            as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + versions[s] + "/activation")
                    .then().statusCode(200);
        }
        for (Future<?> worker : workers) {
            worker.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(responses).hasSize(purchases);
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
            int version = r.path("ruleVersion");
            int points = r.path("totalPoints");
            assertThat(points).as("a purchase on version %d earns that version's points", version)
                    .isEqualTo(version == 1 ? 100 : 200);
        });
        assertThat(responses.stream().map(r -> (int) r.path("ruleVersion")).distinct()).containsExactlyInAnyOrder(1, 2);
        as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active").then().statusCode(200)
                .body("number", Matchers.equalTo(2));
    }
}
