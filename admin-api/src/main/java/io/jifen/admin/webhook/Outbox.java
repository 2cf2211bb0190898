package io.jifen.admin.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.shared.SqlStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The transactional outbox: domain events are written in the database transaction that caused them
 * (so an event exists exactly when its cause committed), each with one delivery row per merchant
 * webhook that subscribes to its type. {@code WebhookDispatcher} delivers them later. The SQL that
 * writes {@code outbox_event} is generated here only: the ledger's statements add it as a part
 * ({@link #addTo}), a cause without points (a tier change, a shipment) writes it alone ({@link #emit}).
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Fans events out to their merchant's subscribed webhooks; {@code %s} is a CTE returning (id, type, merchant_id). */
    private static final String FAN_OUT = "insert into webhook_delivery (webhook_id, event_id) select w.id, ev.id"
            + " from %s ev join webhook w on w.merchant_id = ev.merchant_id and w.disabled_at is null"
            + " and (w.event_types = '*' or position(',' || ev.type || ',' in ',' || w.event_types || ',') > 0)";

    /** Writes events of one merchant in one statement; no-op when there are none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(long merchantId, String merchantCode, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        SqlStatement statement = new SqlStatement();
        addTo(statement, null, merchantId, merchantCode, events);
        statement.query(em, "select 1").getResultList();
    }

    /**
     * Adds the events and their deliveries to {@code statement} as CTEs {@code ev} and {@code deliveries}.
     * With {@code onlyIfRowsIn} (a CTE's name) they are written only when that CTE returned a row: a posting
     * whose id was taken meanwhile writes nothing.
     */
    public void addTo(SqlStatement statement, String onlyIfRowsIn, long merchantId, String merchantCode,
                      List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder values = new StringBuilder();
        for (DomainEvent e : events) {
            values.append(values.isEmpty() ? "" : ", ").append('(').append(statement.p(e.type(), "varchar")).append(", ")
                    .append(statement.p(e.aboutAMember() ? e.memberRowId() : null, "bigint")).append(", ")
                    .append(statement.p(EventJson.payload(json, merchantCode, e), "text")).append(')');
        }
        String merchant = statement.p(merchantId, "bigint");
        statement.with("ev", "insert into outbox_event (merchant_id, type, member_id, payload) select " + merchant
                        + ", e.type, e.member_id, e.payload from " + (onlyIfRowsIn == null ? "" : onlyIfRowsIn + " cross join ")
                        + "(values " + values + ") e(type, member_id, payload) returning id, type, merchant_id")
                .with("deliveries", FAN_OUT.formatted("ev"));
    }
}
