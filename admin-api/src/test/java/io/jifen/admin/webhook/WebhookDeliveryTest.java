package io.jifen.admin.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.merchantOnReferenceProgram;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events leave through the dispatcher to receivers on this machine. The scheduled job is off in
 * tests: each test runs rounds itself, and moves the service clock to make retries due.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class WebhookDeliveryTest {
    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    AdjustableClock clock;

    @Inject
    ObjectMapper json;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aPurchaseThatEarnsPointsReachesTheWebhookSignedWithTheSecretShownAtCreation() throws Exception {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        try (Receiver receiver = Receiver.answering(200)) {
            JsonPath hook = register(shop, receiver, null);
            String secret = hook.getString("secret");
            as(shop.integrator()).body(Map.of("transactionId", "order-1", "memberId", "lin", "occurredAt",
                            "2026-03-05T04:00:00Z", "total", "120.00"))
                    .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);

            dispatcher.dispatchDue();

            // a first purchase may also place the member in a tier (tier.changed): every request is signed
            assertThat(types(receiver)).contains("points.earned");
            for (Receiver.Received got : receiver.received()) {
                long timestamp = Long.parseLong(got.header("Jifen-Timestamp"));
                assertThat(timestamp).isBetween(clock.instant().getEpochSecond() - 60, clock.instant().getEpochSecond());
                assertThat(got.header("Jifen-Signature"))
                        .isEqualTo("v1=" + hmacSha256Hex(secret, timestamp + "." + got.body()))
                        .isNotEqualTo("v1=" + hmacSha256Hex(secret, (timestamp + 1) + "." + got.body()));
                assertThat(got.header("Content-Type")).startsWith("application/json");
                assertThat(got.header("Jifen-Event-Id")).matches("[0-9]+");
            }
            Receiver.Received earned = receiver.received().stream()
                    .filter(r -> r.header("Jifen-Event-Type").equals("points.earned")).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.readValue(earned.body(), Map.class);
            assertThat(body).containsEntry("type", "points.earned").containsEntry("merchant", shop.code())
                    .containsEntry("memberId", "lin").containsEntry("transactionId", "order-1")
                    .containsEntry("points", 120).containsEntry("balance", 120).containsEntry("pending", false);

            Map<String, Object> delivery = deliveries(shop, hook).stream()
                    .filter(d -> d.get("eventType").equals("points.earned")).findFirst().orElseThrow();
            assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 1)
                    .containsEntry("lastStatus", 200).containsEntry("nextAttemptAt", null);
            assertThat(delivery.get("deliveredAt")).isNotNull();
            assertThat(((Number) delivery.get("eventId")).toString()).isEqualTo(earned.header("Jifen-Event-Id"));

            int sent = receiver.received().size();
            dispatcher.dispatchDue();
            assertThat(receiver.received()).as("a delivered event is not sent again").hasSize(sent);
        }
    }

    @Test
    void aReceiverThatFailsOnceGetsTheEventAgainOnlyAfterItsBackoffAndItEndsDeliveredOnTheSecondAttempt() throws Exception {
        Api.TestMerchant shop = newMerchant();
        try (Receiver receiver = Receiver.answering(500, 200)) {
            JsonPath hook = register(shop, receiver, null);
            emit(shop, "ann", id -> new DomainEvent.TierChanged(id, "ann", "REGULAR", "SILVER", "REVIEW", null, null, null));

            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(1);
            assertThat(deliveries(shop, hook).get(0)).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                    .containsEntry("lastStatus", 500).containsEntry("lastError", "HTTP 500");

            // the first retry waits 10 s (base), plus up to 10 % jitter
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(9));
            dispatcher.dispatchDue();
            assertThat(receiver.received()).as("no retry before the backoff has passed").hasSize(1);

            clock.advance(Duration.ofSeconds(3));
            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.received().get(1).header("Jifen-Event-Id"))
                    .isEqualTo(receiver.received().get(0).header("Jifen-Event-Id"));
            assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
            assertThat(deliveries(shop, hook).get(0)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2)
                    .containsEntry("lastStatus", 200).containsEntry("lastError", null);
        }
    }

    @Test
    void aDeliveryThatFailsEveryAttemptIsGivenUpAsFailedAfterTheMaximumAttempts() throws Exception {
        Api.TestMerchant shop = newMerchant();
        try (Receiver receiver = Receiver.answering(503)) {
            JsonPath hook = register(shop, receiver, null);
            emit(shop, "bo", id -> new DomainEvent.ThresholdCrossed(id, "bo", 1000, 1020));
            for (int attempt = 1; attempt <= 10; attempt++) {
                dispatcher.dispatchDue();
                assertThat(receiver.received()).hasSize(attempt);
                clock.advance(Duration.ofHours(2)); // past the longest backoff (1 h + jitter)
            }
            Map<String, Object> dead = deliveries(shop, hook).get(0);
            assertThat(dead).containsEntry("status", "FAILED").containsEntry("attempts", 10)
                    .containsEntry("nextAttemptAt", null).containsEntry("lastError", "HTTP 503");
            assertThat(dead.get("failedAt")).isNotNull();

            dispatcher.dispatchDue();
            assertThat(receiver.received()).as("a failed delivery is not attempted again").hasSize(10);
        }
    }

    @Test
    void anUnreachableReceiverCountsAsAFailedAttemptWithTheErrorRecorded() throws Exception {
        Api.TestMerchant shop = newMerchant();
        Receiver gone = Receiver.answering(200);
        JsonPath hook = register(shop, gone, null);
        gone.close();
        emit(shop, "cy", id -> new DomainEvent.PointsExpired(id, "cy", 5, 0));

        dispatcher.dispatchDue();

        assertThat(firstAttemptFailedWithoutAnswer(shop, hook)).contains("ConnectException");
    }

    @Test
    void aWebhookWhoseHostNowPointsIntoAPrivateNetworkIsNotCalled() throws Exception {
        Api.TestMerchant shop = newMerchant();
        try (Receiver receiver = Receiver.answering(200)) {
            JsonPath hook = register(shop, receiver, null);
            // as if its name had been re-pointed at an internal address after registration
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update webhook set url = ?1 where id = ?2")
                    .setParameter(1, "http://10.255.255.1:9/hooks").setParameter(2, hook.getLong("id")).executeUpdate());
            emit(shop, "eve", id -> earned(id, "eve", 10));

            dispatcher.dispatchDue();

            assertThat(firstAttemptFailedWithoutAnswer(shop, hook))
                    .startsWith("not sent: 10.255.255.1, a private address"); // an address: checked as written, not looked up
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void aDisabledWebhookReceivesNothingAndItsPendingDeliveriesAreCancelled() throws Exception {
        Api.TestMerchant shop = newMerchant();
        try (Receiver receiver = Receiver.answering(200)) {
            JsonPath hook = register(shop, receiver, null);
            emit(shop, "dee", id -> earned(id, "dee", 10));
            as(shop.marketing()).delete("/merchants/" + shop.code() + "/webhooks/" + hook.getLong("id"))
                    .then().statusCode(204);
            emit(shop, "dee", id -> earned(id, "dee", 20));
            assertThat(deliveries(shop, hook)).as("events after disabling create no delivery").hasSize(1);
            // a posting that read the webhook as enabled, committing just after the disabling, still fans out to it
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into webhook_delivery (webhook_id, event_id)"
                            + " select ?1, max(e.id) from outbox_event e join merchant m on m.id = e.merchant_id where m.code = ?2")
                    .setParameter(1, hook.getLong("id")).setParameter(2, shop.code()).executeUpdate());

            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(2));
            dispatcher.dispatchDue();

            assertThat(receiver.received()).isEmpty();
            List<Map<String, Object>> deliveries = deliveries(shop, hook);
            assertThat(deliveries).hasSize(2).allSatisfy(d -> assertThat(d)
                    .containsEntry("status", "CANCELLED").containsEntry("attempts", 0).containsEntry("nextAttemptAt", null));
            assertThat(deliveries.get(1).get("cancelledAt")).as("cancelled by the disabling").isNotNull();
        }
    }

    @Test
    void aWebhookReceivesOnlyTheEventTypesItSubscribedTo() throws Exception {
        Api.TestMerchant shop = newMerchant();
        try (Receiver tiers = Receiver.answering(200); Receiver points = Receiver.answering(200);
             Receiver everything = Receiver.answering(200)) {
            register(shop, tiers, List.of("tier.changed"));
            register(shop, points, List.of("points.earned", "points.redeemed"));
            register(shop, everything, null);
            emit(shop, "eve", id -> earned(id, "eve", 10));
            emit(shop, "eve", id -> new DomainEvent.TierChanged(id, "eve", "REGULAR", "SILVER", "REVIEW", null, null, null));
            emit(shop, "eve", id -> new DomainEvent.PointsExpired(id, "eve", 3, 0));

            dispatcher.dispatchDue();

            assertThat(types(tiers)).containsExactly("tier.changed");
            assertThat(types(points)).containsExactly("points.earned");
            assertThat(types(everything)).containsExactlyInAnyOrder("points.earned", "tier.changed", "points.expired");
        }
    }

    @Test
    void twoDispatchersRacingForTheSameDueDeliveriesSendEachEventOnce() throws Exception {
        Api.TestMerchant shop = newMerchant();
        try (Receiver receiver = Receiver.answering(200)) {
            register(shop, receiver, null);
            // more than two rounds' worth (a round claims 50), so both racers find work
            List<Function<Long, DomainEvent>> events = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int points = i + 1;
                events.add(id -> earned(id, "fay", points));
            }
            emit(shop, "fay", events);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<WebhookDispatcher.Round> rounds = new ArrayList<>();
            try {
                List<Future<WebhookDispatcher.Round>> racing = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    racing.add(pool.submit(() -> {
                        start.await();
                        return dispatcher.dispatchDue();
                    }));
                }
                start.countDown();
                for (Future<WebhookDispatcher.Round> round : racing) {
                    rounds.add(round.get());
                }
            } finally {
                pool.shutdownNow();
            }
            // then the rest (120 needs three rounds of 50 in all)
            for (int i = 0; i < 5 && receiver.received().size() < 120; i++) {
                dispatcher.dispatchDue();
            }

            List<String> ids = receiver.received().stream().map(r -> r.header("Jifen-Event-Id")).toList();
            assertThat(ids).hasSize(120).doesNotHaveDuplicates();
            assertThat(rounds).allSatisfy(r -> assertThat(r.claimed()).isPositive());
        }
    }

    private static JsonPath register(Api.TestMerchant shop, Receiver receiver, List<String> eventTypes) {
        Map<String, Object> body = eventTypes == null ? Map.of("url", receiver.url())
                : Map.of("url", receiver.url(), "eventTypes", eventTypes);
        return as(shop.marketing()).body(body).post("/merchants/" + shop.code() + "/webhooks")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The webhook's only delivery, pending after one attempt that got no HTTP answer: its error. */
    private static String firstAttemptFailedWithoutAnswer(Api.TestMerchant shop, JsonPath hook) {
        Map<String, Object> delivery = deliveries(shop, hook).get(0);
        assertThat(delivery).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("lastStatus", null);
        return (String) delivery.get("lastError");
    }

    private static List<Map<String, Object>> deliveries(Api.TestMerchant shop, JsonPath hook) {
        return as(shop.marketing()).get("/merchants/" + shop.code() + "/webhooks/" + hook.getLong("id") + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<String> types(Receiver receiver) {
        return receiver.received().stream().map(r -> r.header("Jifen-Event-Type")).toList();
    }

    private void emit(Api.TestMerchant shop, String member, Function<Long, DomainEvent> event) {
        emit(shop, member, List.of(event));
    }

    private static DomainEvent earned(long memberRowId, String member, long points) {
        return new DomainEvent.PointsEarned(memberRowId, member, "t-" + points, points, false, points, 1);
    }

    /** Writes events of one member through the outbox in one transaction, as a posting does. */
    private void emit(Api.TestMerchant shop, String member, List<Function<Long, DomainEvent>> events) {
        as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/" + member)
                .then().statusCode(Matchers.oneOf(200, 201));
        QuarkusTransaction.requiringNew().run(() -> {
            Merchant merchant = Merchant.find("code", shop.code()).firstResult();
            long memberId = ((Number) em.createNativeQuery("select id from member where merchant_id = ?1 and external_id = ?2")
                    .setParameter(1, merchant.id).setParameter(2, member).getSingleResult()).longValue();
            outbox.emit(merchant.id, merchant.code,
                    events.stream().map(e -> e.apply(memberId)).toList());
        });
    }

    private static String hmacSha256Hex(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
