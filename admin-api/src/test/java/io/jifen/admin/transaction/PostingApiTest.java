package io.jifen.admin.transaction;

import io.jifen.admin.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jifen.admin.support.Api.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class PostingApiTest {

    private static Map<String, Object> purchase(String id, String member, String at, String amount) {
        return Map.of("transactionId", id, "memberId", member, "occurredAt", at, "total", amount,
                "lines", List.of(Map.of("sku", "RICE", "category", "grocery", "quantity", 1, "amount", amount)));
    }

    @Test
    void goldMemberEarnsDoublePointsOnMemberDayAndEveryPointIsTracedToARule() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        as(shop.integrator()).body(Map.of("tier", "GOLD")).put("/merchants/" + shop.code() + "/members/ann").then().statusCode(201);
        // 10 March 2026, 12:00 in Shanghai
        as(shop.integrator()).body(purchase("p-1", "ann", "2026-03-10T04:00:00Z", "120.00"))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201)
                .body("totalPoints", equalTo(360))
                .body("ruleVersion", equalTo(1))
                .body("balance", equalTo(360))
                .body("awards.family", hasItems("BASE", "TIER", "MEMBER_DAY"))
                .body("awards.reason", everyItem(not(emptyOrNullString())));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann").then().body("balance", equalTo(360));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann/statement").then().statusCode(200)
                .body("items.points.sum()", equalTo(360))
                .body("items.transactionId", everyItem(equalTo("p-1")))
                .body("items.ruleVersion", everyItem(equalTo(1)))
                .body("items[0].balanceAfter", equalTo(360));
    }

    @Test
    void retryWithTheSamePayloadReturnsTheOriginalResultAndADifferentPayloadIsAConflict() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        String path = "/merchants/" + shop.code() + "/purchases";
        String first = as(shop.integrator()).body(purchase("p-9", "bo", "2026-03-05T04:00:00Z", "50.00"))
                .post(path).then().statusCode(201).extract().asString();
        as(shop.integrator()).body(purchase("p-9", "bo", "2026-03-05T04:00:00Z", "50.00"))
                .post(path).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body(equalTo(first));
        as(shop.integrator()).body(purchase("p-9", "bo", "2026-03-05T04:00:00Z", "51.00"))
                .post(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/transaction-id-reused"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo").then().body("balance", equalTo(50));
    }

    @Test
    void fiftyConcurrentDuplicatesPostExactlyOnce() throws Exception {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        String path = "/merchants/" + shop.code() + "/purchases";
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> as(shop.integrator()).body(purchase("dup-1", "cy", "2026-03-05T04:00:00Z", "88.00")).post(path));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().statusCode());
                bodies.add(f.get().asString());
            }
            assertThat(statuses).containsOnly(201, 200);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
        } finally {
            pool.shutdownNow();
        }
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/cy").then().body("balance", equalTo(88));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/cy/statement").then()
                .body("items.points.sum()", equalTo(88));
    }

    @Test
    void withoutAnActiveVersionAPurchaseIsAConflictWithAnExplanation() {
        Api.TestMerchant shop = newMerchant();
        as(shop.integrator()).body(purchase("p-1", "dee", "2026-03-05T04:00:00Z", "10.00"))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(409)
                .body("type", endsWith("/no-active-rule-version"))
                .body("detail", containsString("activate"));
    }

    @Test
    void unknownMemberIsNotFoundWhenAutoEnrolmentIsOff() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        Map<String, Object> body = new HashMap<>(merchantBody(shop.code()));
        body.put("pointsPolicy", Map.of("rounding", "DOWN", "stacking", "ADDITIVE", "expiry", Map.of("rule", "NEVER"),
                "autoEnrol", false));
        asAdmin().body(body).put("/merchants/" + shop.code()).then().statusCode(200);
        as(shop.integrator()).body(purchase("p-1", "stranger", "2026-03-05T04:00:00Z", "10.00"))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(404)
                .body("detail", containsString("auto-enrolment is off"));
    }

    @Test
    void negativeAndOverPreciseAmountsAreRefusedNamingTheFieldAndNothingIsWritten() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        String path = "/merchants/" + shop.code() + "/purchases";
        as(shop.integrator()).body(purchase("p-neg", "eve", "2026-03-05T04:00:00Z", "-5.00")).post(path)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("total", "lines[0].amount"));
        as(shop.integrator()).body(purchase("p-dec", "eve", "2026-03-05T04:00:00Z", "5.001")).post(path)
                .then().statusCode(422).body("errors.field", hasItem("total"));
        as(shop.integrator()).body(Map.of("transactionId", "p-x", "memberId", "eve", "occurredAt", "yesterday", "total", "1"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        as(shop.integrator()).get("/merchants/" + shop.code() + "/transactions/p-neg").then().statusCode(404);
    }

    @Test
    void dryRunOnADraftVersionPostsNothing() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        as(shop.qa()).body(purchase("dry-1", "fay", "2026-03-10T04:00:00Z", "100.00"))
                .post("/merchants/" + shop.code() + "/dry-runs/purchases?version=1").then().statusCode(200)
                .body("posted", equalTo(false))
                .body("totalPoints", equalTo(200))
                .body("balance", nullValue());
        as(shop.integrator()).get("/merchants/" + shop.code() + "/transactions/dry-1").then().statusCode(404);
    }

    @Test
    void theFourthShareOfTheDayEarnsNothing() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        String path = "/merchants/" + shop.code() + "/events";
        for (int i = 1; i <= 4; i++) {
            as(shop.integrator()).body(Map.of("transactionId", "share-" + i, "memberId", "gus", "type", "SHARE",
                            "occurredAt", "2026-03-05T0" + i + ":00:00Z"))
                    .post(path).then().statusCode(201).body("totalPoints", equalTo(i <= 3 ? 10 : 0));
        }
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/gus").then().body("balance", equalTo(30));
    }
}
