package io.jifen.admin.member;

import jakarta.persistence.FlushModeType;
import io.jifen.engine.facts.MemberActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * A member's history before an instant, as the rules see it ({@link MemberActivity}): days, months
 * and years are the merchant's, in its time zone. Refunds count against spend and points earned (their
 * amount and points are negative); adjustments, debits and transfers are not earning and do not count.
 */
@ApplicationScoped
public class MemberActivityQuery {
    @Inject
    EntityManager em;

    public MemberActivity before(long memberId, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant monthStart = day.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant yearStart = day.withDayOfYear(1).atStartOfDay(zone).toInstant();
        Instant rollingStart = ZonedDateTime.ofInstant(at, zone).minusMonths(12).toInstant();
        // one round trip: the sums, and the event counts folded into "TYPE:today:month" pairs
        Object[] totals = (Object[]) em.createNativeQuery("""
                        select coalesce(sum(amount) filter (where kind in ('PURCHASE', 'REFUND') and occurred_at >= ?3), 0),
                               coalesce(sum(amount) filter (where kind in ('PURCHASE', 'REFUND') and occurred_at >= ?4), 0),
                               coalesce(sum(total_points) filter (where kind in ('PURCHASE', 'EVENT', 'REFUND') and occurred_at >= ?5), 0),
                               coalesce(sum(total_points) filter (where kind in ('PURCHASE', 'EVENT', 'REFUND') and occurred_at >= ?6), 0),
                               (select string_agg(e.event_type || ':' || e.today || ':' || e.month, ',')
                                from (select event_type, count(*) filter (where occurred_at >= ?5) as today,
                                             count(*) as month
                                      from loyalty_transaction
                                      where member_id = ?1 and kind = 'EVENT' and occurred_at < ?2 and occurred_at >= ?6
                                      group by event_type) e)
                        from loyalty_transaction
                        where member_id = ?1 and occurred_at < ?2 and occurred_at >= ?7""")
                .setParameter(1, memberId).setParameter(2, at).setParameter(3, rollingStart)
                .setParameter(4, yearStart).setParameter(5, dayStart).setParameter(6, monthStart)
                .setParameter(7, rollingStart.isBefore(yearStart) ? rollingStart : yearStart)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        Map<String, Integer> today = new HashMap<>();
        Map<String, Integer> month = new HashMap<>();
        if (totals[4] instanceof String counts && !counts.isEmpty()) {
            // event types are upper-case letters, digits and underscores: ':' and ',' cannot occur in them
            for (String entry : counts.split(",")) {
                String[] parts = entry.split(":");
                today.put(parts[0], Integer.parseInt(parts[1]));
                month.put(parts[0], Integer.parseInt(parts[2]));
            }
        }
        return new MemberActivity((BigDecimal) totals[0], (BigDecimal) totals[1], ((Number) totals[2]).longValue(),
                ((Number) totals[3]).longValue(), today, month);
    }

    /**
     * Points the member earned (purchases, events, refunds counting negative) on the merchant-local day
     * of {@code at}, whenever in that day and in whatever order they were posted: what a daily earning
     * cap is checked against, so transactions arriving out of order cannot pass it.
     */
    public long earnedOnDay(long memberId, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(total_points), 0) from loyalty_transaction
                        where member_id = ?1 and kind in ('PURCHASE', 'EVENT', 'REFUND')
                          and occurred_at >= ?2 and occurred_at < ?3""")
                .setParameter(1, memberId).setParameter(2, day.atStartOfDay(zone).toInstant())
                .setParameter(3, day.plusDays(1).atStartOfDay(zone).toInstant())
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }
}
