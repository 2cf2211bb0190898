package io.jifen.admin.webhook;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/** Old events leave the outbox once every webhook has had them; nothing still owed to a webhook does. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class OutboxPruningTest {
    @Inject
    OutboxPruning pruning;

    @Inject
    EntityManager em;

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant FORTY_DAYS_AGO = NOW.minus(40, ChronoUnit.DAYS);
    private static final Instant TEN_DAYS_AGO = NOW.minus(10, ChronoUnit.DAYS);

    @Test
    void eventsOlderThanThirtyDaysGoWithTheirFinishedDeliveriesAndPendingOnesStay() {
        Api.TestMerchant shop = newMerchant();
        long merchant = QuarkusTransaction.requiringNew().call(() -> Merchant.<Merchant>find("code", shop.code()).firstResult().id);
        long hook = insert("insert into webhook (merchant_id, url, secret, created_by) values (?1, 'https://crm.example.com/h', 's', 'test') returning id", merchant);
        long oldWithoutWebhook = event(merchant, FORTY_DAYS_AGO);
        long oldDelivered = event(merchant, FORTY_DAYS_AGO);
        long oldGivenUp = event(merchant, FORTY_DAYS_AGO);
        long oldCancelled = event(merchant, FORTY_DAYS_AGO);
        long oldStillPending = event(merchant, FORTY_DAYS_AGO);
        long recentDelivered = event(merchant, TEN_DAYS_AGO);
        delivery(hook, oldDelivered, "delivered_at");
        delivery(hook, oldGivenUp, "failed_at");
        delivery(hook, oldCancelled, "cancelled_at");
        delivery(hook, oldStillPending, null);
        delivery(hook, recentDelivered, "delivered_at");

        long pruned = pruning.prune(NOW);

        assertThat(pruned).isEqualTo(4);
        assertThat(remaining(merchant)).containsExactly(oldStillPending, recentDelivered);
        assertThat(deliveriesOf(hook)).containsExactly(oldStillPending, recentDelivered);
        assertThat(pruning.prune(NOW)).as("a second run finds nothing more").isZero();
    }

    @Test
    void aBacklogIsPrunedInBatchesOfAThousandInOneRun() {
        Api.TestMerchant shop = newMerchant();
        long merchant = QuarkusTransaction.requiringNew().call(() -> Merchant.<Merchant>find("code", shop.code()).firstResult().id);
        int backlog = OutboxPruning.BATCH * 2 + 5;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (merchant_id, type, payload, created_at)"
                        + " select ?1, 'points.earned', '{}', ?2 from generate_series(1, ?3)")
                .setParameter(1, merchant).setParameter(2, FORTY_DAYS_AGO).setParameter(3, backlog).executeUpdate());

        assertThat(pruning.prune(NOW)).isGreaterThanOrEqualTo(backlog);
        assertThat(remaining(merchant)).isEmpty();
    }

    private long event(long merchant, Instant createdAt) {
        return insert("insert into outbox_event (merchant_id, type, payload, created_at) values (?1, 'points.earned', '{}', ?2) returning id",
                merchant, createdAt);
    }

    private void delivery(long hook, long event, String finishedColumn) {
        String finished = finishedColumn == null ? "" : ", " + finishedColumn;
        String at = finishedColumn == null ? "" : ", now()";
        insert("insert into webhook_delivery (webhook_id, event_id" + finished + ") values (?1, ?2" + at + ") returning id", hook, event);
    }

    private long insert(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Long> remaining(long merchant) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                        "select id from outbox_event where merchant_id = ?1 order by id").setParameter(1, merchant).getResultList())
                .stream().map(Number::longValue).toList());
    }

    @SuppressWarnings("unchecked")
    private List<Long> deliveriesOf(long hook) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                        "select event_id from webhook_delivery where webhook_id = ?1 order by event_id").setParameter(1, hook).getResultList())
                .stream().map(Number::longValue).toList());
    }
}
