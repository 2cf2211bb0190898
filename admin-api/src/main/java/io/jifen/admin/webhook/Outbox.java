package io.jifen.admin.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.shared.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactional outbox: domain events are written in the database transaction that caused them
 * (so an event exists exactly when its cause committed), each with one delivery row per merchant
 * webhook that subscribes to its type. {@code WebhookDispatcher} delivers them later.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Fans events out to the merchant's subscribed webhooks; {@code events} is a CTE returning (id, type). */
    public static final String FAN_OUT = "insert into webhook_delivery (webhook_id, event_id) select w.id, ev.id from %s ev"
            + " join webhook w on w.merchant_id = ?1 and w.disabled_at is null"
            + " and (w.event_types = '*' or position(',' || ev.type || ',' in ',' || w.event_types || ',') > 0)";

    /** The same, for a CTE returning (id, type, merchant_id) with events of several merchants. */
    public static final String FAN_OUT_PER_MERCHANT = "insert into webhook_delivery (webhook_id, event_id) select w.id, ev.id"
            + " from %s ev join webhook w on w.merchant_id = ev.merchant_id and w.disabled_at is null"
            + " and (w.event_types = '*' or position(',' || ev.type || ',' in ',' || w.event_types || ',') > 0)";

    /** Writes events of one merchant in one statement; no-op when there are none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(long merchantId, String merchantCode, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            int p = 2 + 3 * i;
            values.append(i == 0 ? "" : ", ").append("(cast(?").append(p).append(" as varchar), cast(?").append(p + 1)
                    .append(" as bigint), cast(?").append(p + 2).append(" as text))");
        }
        Query q = em.createNativeQuery("with ev as (insert into outbox_event (merchant_id, type, member_id, payload)"
                + " select ?1, e.type, e.member_id, e.payload from (values " + values + ") e(type, member_id, payload)"
                + " returning id, type) " + FAN_OUT.formatted("ev")).setParameter(1, merchantId);
        for (int i = 0; i < events.size(); i++) {
            int p = 2 + 3 * i;
            DomainEvent e = events.get(i);
            q.setParameter(p, e.type()).setParameter(p + 1, e.memberId()).setParameter(p + 2, payload(merchantCode, e));
        }
        q.setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }

    /** The JSON body delivered: type, merchant and the event's fields. */
    public String payload(String merchantCode, DomainEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("merchant", merchantCode);
        body.putAll(event.data());
        return JsonText.write(json, body);
    }
}
