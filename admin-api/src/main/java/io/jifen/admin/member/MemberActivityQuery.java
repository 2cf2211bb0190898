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
import java.util.List;
import java.util.Map;

/**
 * A member's history before an instant, as the rules see it ({@link MemberActivity}): days, months
 * and years are the merchant's, in its time zone.
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
        Object[] totals = (Object[]) em.createNativeQuery("""
                        select coalesce(sum(amount) filter (where kind = 'PURCHASE' and occurred_at >= ?3), 0),
                               coalesce(sum(amount) filter (where kind = 'PURCHASE' and occurred_at >= ?4), 0),
                               coalesce(sum(total_points) filter (where occurred_at >= ?5), 0),
                               coalesce(sum(total_points) filter (where occurred_at >= ?6), 0)
                        from loyalty_transaction
                        where member_id = ?1 and occurred_at < ?2 and occurred_at >= ?7""")
                .setParameter(1, memberId).setParameter(2, at).setParameter(3, rollingStart)
                .setParameter(4, yearStart).setParameter(5, dayStart).setParameter(6, monthStart)
                .setParameter(7, rollingStart.isBefore(yearStart) ? rollingStart : yearStart)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        Map<String, Integer> today = new HashMap<>();
        Map<String, Integer> month = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("""
                        select event_type, count(*) filter (where occurred_at >= ?3), count(*)
                        from loyalty_transaction
                        where member_id = ?1 and kind = 'EVENT' and occurred_at < ?2 and occurred_at >= ?4
                        group by event_type""")
                .setParameter(1, memberId).setParameter(2, at).setParameter(3, dayStart).setParameter(4, monthStart)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object[] row : events) {
            today.put((String) row[0], ((Number) row[1]).intValue());
            month.put((String) row[0], ((Number) row[2]).intValue());
        }
        return new MemberActivity((BigDecimal) totals[0], (BigDecimal) totals[1], ((Number) totals[2]).longValue(),
                ((Number) totals[3]).longValue(), today, month);
    }
}
