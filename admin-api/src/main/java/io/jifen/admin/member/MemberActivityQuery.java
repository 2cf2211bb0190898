package io.jifen.admin.member;

import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.admin.shared.Rows;
import io.jifen.engine.facts.MemberActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A member's history before an instant, as the rules see it ({@link MemberActivity}): days, months
 * and years are the merchant's, in its time zone. Refunds count against spend and points earned (their
 * amount and points are negative); adjustments, debits and transfers are not earning and do not count.
 */
@ApplicationScoped
public class MemberActivityQuery {
    @Inject
    EntityManager em;

    /**
     * The activity aggregates: ?1 member, ?2 the instant (exclusive), ?3 rolling-12-month start,
     * ?4 year start, ?5 day start, ?6 month start, ?7 the earliest of ?3 and ?4. One row; the event
     * counts are folded into "TYPE:today:month" pairs. Every column it reads is in the index
     * loyalty_transaction_by_member (V11), so PostgreSQL answers it from the index alone; a test checks the plan.
     */
    static final String ACTIVITY_SQL = """
            select coalesce(sum(amount) filter (where kind in ('PURCHASE', 'REFUND') and occurred_at >= ?3), 0) as rolling,
                   coalesce(sum(amount) filter (where kind in ('PURCHASE', 'REFUND') and occurred_at >= ?4), 0) as year,
                   coalesce(sum(total_points) filter (where kind in ('PURCHASE', 'EVENT', 'REFUND') and occurred_at >= ?5), 0) as today,
                   coalesce(sum(total_points) filter (where kind in ('PURCHASE', 'EVENT', 'REFUND') and occurred_at >= ?6), 0) as month,
                   (select string_agg(e.event_type || ':' || e.today || ':' || e.month, ',')
                    from (select event_type, count(*) filter (where occurred_at >= ?5) as today,
                                 count(*) as month
                          from loyalty_transaction
                          where member_id = ?1 and kind = 'EVENT' and occurred_at < ?2 and occurred_at >= ?6
                          group by event_type) e) as events
            from loyalty_transaction
            where member_id = ?1 and occurred_at < ?2 and occurred_at >= ?7""";

    public MemberActivity before(long memberId, Instant at, ZoneId zone) {
        Query query = em.createNativeQuery(ACTIVITY_SQL, Tuple.class);
        bindActivity(query, 0, memberId, at, zone);
        return activity((Tuple) query.setFlushMode(FlushModeType.COMMIT).getSingleResult());
    }

    /** What a posting reads under its member lock, in one round trip. */
    public record PostingRead(MemberActivity activity, String earlierHash, String earlierResult, Long activeVersionId,
                              long earnedOnDay) {
    }

    /**
     * The member's activity before {@code at}, an earlier transaction with this id (its payload hash
     * and stored result), the merchant's version active at {@code now}, and, when {@code dayTotal},
     * the points earned (purchases, events, refunds counting negative) on the whole merchant-local day of
     * {@code at}, whenever in that day and in whatever order they were posted, for the daily cap. Read after
     * the member's row lock, so it sees every committed posting of that member.
     */
    public PostingRead forPosting(long merchantId, String transactionId, Instant now, long memberId, Instant at,
                                  ZoneId zone, boolean dayTotal) {
        Query query = em.createNativeQuery(dayTotal ? POSTING_READ_WITH_DAY_TOTAL : POSTING_READ, Tuple.class)
                .setParameter(1, merchantId).setParameter(2, now).setParameter(10, transactionId);
        bindActivity(query, 2, memberId, at, zone);
        if (dayTotal) {
            query.setParameter(11, at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
        }
        Tuple row = (Tuple) query.setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return new PostingRead(activity(row), Rows.string(row, "payload_hash"), Rows.string(row, "result"),
                Rows.nullableLong(row, "active_version_id"), Rows.longValue(row, "earned_on_day"));
    }

    static void bindActivity(Query query, int offset, long memberId, Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant monthStart = day.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant yearStart = day.withDayOfYear(1).atStartOfDay(zone).toInstant();
        Instant rollingStart = ZonedDateTime.ofInstant(at, zone).minusMonths(12).toInstant();
        query.setParameter(offset + 1, memberId).setParameter(offset + 2, at).setParameter(offset + 3, rollingStart)
                .setParameter(offset + 4, yearStart).setParameter(offset + 5, dayStart)
                .setParameter(offset + 6, monthStart)
                .setParameter(offset + 7, rollingStart.isBefore(yearStart) ? rollingStart : yearStart);
    }

    private static MemberActivity activity(Tuple totals) {
        Map<String, Integer> today = new HashMap<>();
        Map<String, Integer> month = new HashMap<>();
        String counts = Rows.string(totals, "events");
        if (counts != null && !counts.isEmpty()) {
            // event types are upper-case letters, digits and underscores: ':' and ',' cannot occur in them
            for (String entry : counts.split(",")) {
                String[] parts = entry.split(":");
                today.put(parts[0], Integer.parseInt(parts[1]));
                month.put(parts[0], Integer.parseInt(parts[2]));
            }
        }
        return new MemberActivity(Rows.decimal(totals, "rolling"), Rows.decimal(totals, "year"),
                Rows.longValue(totals, "today"), Rows.longValue(totals, "month"), today, month);
    }

    /** The SQL with each ordinal parameter ?n renamed ?to[n - 1], all at once. */
    private static String renumbered(String sql, int... to) {
        return Pattern.compile("\\?(\\d+)").matcher(sql)
                .replaceAll(m -> "?" + to[Integer.parseInt(m.group(1)) - 1]);
    }

    /** ?1 member, ?2 day start, ?3 next day start. */
    private static final String DAY_TOTAL_SQL = """
            select coalesce(sum(total_points), 0) from loyalty_transaction
            where member_id = ?1 and kind in ('PURCHASE', 'EVENT', 'REFUND') and occurred_at >= ?2 and occurred_at < ?3""";

    /**
     * The posting read, built once: ?1 merchant, ?2 now (the active-version query's own numbering), the
     * activity renumbered from ?3 to ?9, ?10 the transaction id, ?11 the next day's start.
     */
    private static String postingRead(boolean dayTotal) {
        return "select a.*, t.payload_hash, t.result, (" + RuleVersions.ACTIVE_VERSION_SQL + ") as active_version_id, "
                + (dayTotal ? "(" + renumbered(DAY_TOTAL_SQL, 3, 7, 11) + ")" : "0") + " as earned_on_day"
                + " from (" + renumbered(ACTIVITY_SQL, 3, 4, 5, 6, 7, 8, 9) + ") a"
                + " left join loyalty_transaction t on t.merchant_id = ?1 and t.external_id = ?10";
    }

    private static final String POSTING_READ = postingRead(false);
    private static final String POSTING_READ_WITH_DAY_TOTAL = postingRead(true);
}
