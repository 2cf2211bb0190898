package io.jifen.admin.campaign;

import io.jifen.admin.shared.Rows;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.admin.webhook.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Announces campaigns whose window opened or closed ({@code campaign.started}, {@code campaign.ended}) once
 * each: a campaign's row is taken with SKIP LOCKED and marked in the same transaction as its event, so two
 * instances never announce it twice. A campaign whose window closed before it was announced as started (the
 * service was down throughout) gets both events, in order.
 */
@ApplicationScoped
public class CampaignWindows {
    private static final String DUE = """
            select c.id, c.merchant_id, m.code as merchant, m.time_zone, c.code, c.name, c.starts_at, c.ends_at,
                   c.awarded, c.participants, c.started_event_at is null as start_due
            from campaign c join merchant m on m.id = c.merchant_id
            where (c.started_event_at is null and c.starts_at <= (cast(?1 as timestamptz) at time zone m.time_zone))
               or (c.ended_event_at is null and c.ends_at <= (cast(?1 as timestamptz) at time zone m.time_zone))
            order by c.id
            limit 100
            for update of c skip locked""";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(identity = "campaign-windows", every = "${jifen.campaigns.windows-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            announce(clock.instant());
        } catch (RuntimeException e) {
            Log.warnf(e, "campaign windows: announcing failed; retrying at the next run");
        }
    }

    /** Announces what is due at {@code now}; returns the number of events written. */
    @Transactional
    public int announce(Instant now) {
        int written = 0;
        for (Tuple r : Rows.tuples(em.createNativeQuery(DUE, Tuple.class).setParameter(1, now))) {
            ZoneId zone = ZoneId.of(Rows.string(r, "time_zone"));
            LocalDateTime starts = Rows.localDateTime(r, "starts_at");
            LocalDateTime ends = Rows.localDateTime(r, "ends_at");
            boolean ended = !LocalDateTime.ofInstant(now, zone).isBefore(ends);
            String code = Rows.string(r, "code");
            String name = Rows.string(r, "name");
            long awarded = Rows.longValue(r, "awarded");
            long participants = Rows.longValue(r, "participants");
            List<DomainEvent> events = new ArrayList<>();
            if (Rows.bool(r, "start_due")) {
                events.add(new DomainEvent.CampaignWindow(code, name, false, starts.atZone(zone).toInstant().toString(),
                        awarded, participants));
            }
            if (ended) {
                events.add(new DomainEvent.CampaignWindow(code, name, true, ends.atZone(zone).toInstant().toString(),
                        awarded, participants));
            }
            outbox.emit(Rows.longValue(r, "merchant_id"), Rows.string(r, "merchant"), events);
            em.createNativeQuery("update campaign set started_event_at = coalesce(started_event_at, now()),"
                    + " ended_event_at = case when ?2 then now() else ended_event_at end where id = ?1")
                    .setParameter(1, Rows.longValue(r, "id")).setParameter(2, ended).executeUpdate();
            written += events.size();
        }
        return written;
    }
}
