package io.jifen.admin.campaign;

import io.jifen.admin.shared.IdRangeRollup;
import io.jifen.admin.shared.Rows;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The sales a campaign is measured against: purchases less refunds per merchant-local day and member
 * tier (a refund's row holds its amount negated), kept by an {@link IdRangeRollup} of {@code loyalty_transaction} ({@code sales_day}) plus the
 * transactions not rolled up yet, read live. A purchase counts on the day it occurred in the member's
 * tier when it was evaluated; a refund on the day it occurred, in the tier of the purchase it refunds.
 */
@ApplicationScoped
public class CampaignSales {
    /** Transaction ids added per database transaction. */
    static final long BATCH = 1_000_000;

    @Inject
    EntityManager em;

    private IdRangeRollup rollup;

    @PostConstruct
    void init() {
        rollup = new IdRangeRollup(em, "sales_rollup", "loyalty_transaction_id_seq", () -> BATCH, this::add);
    }

    @Scheduled(identity = "sales-rollup", every = "${jifen.campaigns.sales-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            IdRangeRollup.Run run = rollUp();
            if (run.ids() > 0) {
                Log.debugf("sales rollup: %d ids, through %d", run.ids(), run.rolledThrough());
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "sales rollup: run failed, retrying at the next one");
        }
    }

    /** Rolls up the transactions written before the run began, as far as their writers allow. */
    public IdRangeRollup.Run rollUp() {
        return rollup.rollUp();
    }

    /** The sales of the transactions with ids in (after, upTo], per merchant, day and tier. */
    private static final String SALES_BY_DAY = """
            select t.merchant_id, cast(t.occurred_at at time zone m.time_zone as date) as day,
                   coalesce(cast(coalesce(o.context, t.context) as jsonb) ->> 'tier', '') as tier,
                   count(*) filter (where t.kind = 'PURCHASE') as purchases,
                   coalesce(sum(t.amount) filter (where t.kind = 'PURCHASE'), 0) as sales,
                   count(*) filter (where t.kind = 'REFUND') as refunds,
                   coalesce(sum(-t.amount) filter (where t.kind = 'REFUND'), 0) as refunded
            from loyalty_transaction t join merchant m on m.id = t.merchant_id
            left join loyalty_transaction o on o.id = t.original_id and t.kind = 'REFUND'
            where t.id > ?1 and t.id <= ?2 and t.kind in ('PURCHASE', 'REFUND') and t.amount is not null
            group by 1, 2, 3""";

    private void add(long after, long upTo) {
        em.createNativeQuery("insert into sales_day (merchant_id, day, tier, purchases, sales, refunds, refunded) "
                        + SALES_BY_DAY + "\n" + """
                         on conflict (merchant_id, day, tier) do update
                            set purchases = sales_day.purchases + excluded.purchases,
                                sales = sales_day.sales + excluded.sales,
                                refunds = sales_day.refunds + excluded.refunds,
                                refunded = sales_day.refunded + excluded.refunded""")
                .setParameter(1, after).setParameter(2, upTo).executeUpdate();
    }

    /** Purchases and their amounts less refunds over some days. */
    public record Sales(long purchases, BigDecimal sales, long refunds, BigDecimal refunded) {
        public BigDecimal net() {
            return sales.subtract(refunded);
        }
    }

    /** The sales of the days before a campaign and of as many days of its window. */
    public record Compared(Sales before, Sales during) {
    }

    /**
     * The merchant's sales on the days {@code [from, first)} and {@code [first, to)} (merchant-local, in
     * {@code zone}), of members in {@code tiers} when they bought (every tier when empty): the rollup's days
     * plus the transactions above its mark, in one statement so the two parts neither overlap nor leave a gap.
     */
    public Compared beforeAndFrom(long merchantId, ZoneId zone, LocalDate from, LocalDate first, LocalDate to,
                                  List<String> tiers) {
        // The mark read first only guides the plan (an index range from it, not a scan of every transaction);
        // the statement's own read of the mark decides, so the rollup moving meanwhile changes nothing.
        long mark = rollup.rolledThrough();
        StringBuilder inTiers = new StringBuilder();
        for (int i = 0; i < tiers.size(); i++) {
            inTiers.append(i == 0 ? " and tier in (" : ", ").append('?').append(8 + i).append(i == tiers.size() - 1 ? ")" : "");
        }
        String live = SALES_BY_DAY.replace("where t.id > ?1 and t.id <= ?2", "where t.merchant_id = ?1 and t.id > ?4"
                + " and t.id > (select rolled_through from sales_rollup where id = 1)"
                + " and t.occurred_at >= ?5 and t.occurred_at < ?6");
        StringBuilder sums = new StringBuilder();
        for (String side : List.of("before", "during")) {
            String when = side.equals("before") ? "day < ?7" : "day >= ?7";
            sums.append(sums.isEmpty() ? "" : ", ").append("coalesce(sum(purchases) filter (where ").append(when)
                    .append("), 0) as ").append(side).append("_purchases, coalesce(sum(sales) filter (where ").append(when)
                    .append("), 0) as ").append(side).append("_sales, coalesce(sum(refunds) filter (where ").append(when)
                    .append("), 0) as ").append(side).append("_refunds, coalesce(sum(refunded) filter (where ")
                    .append(when).append("), 0) as ").append(side).append("_refunded");
        }
        var query = em.createNativeQuery("with days as (select day, tier, purchases, sales, refunds, refunded"
                        + " from sales_day where merchant_id = ?1 and day >= ?2 and day < ?3"
                        + " union all select day, tier, purchases, sales, refunds, refunded from (" + live + ") live)"
                        + " select " + sums + " from days where day >= ?2 and day < ?3" + inTiers, Tuple.class)
                .setParameter(1, merchantId).setParameter(2, from).setParameter(3, to).setParameter(4, mark)
                .setParameter(5, from.atStartOfDay(zone).toInstant()).setParameter(6, to.atStartOfDay(zone).toInstant())
                .setParameter(7, first).setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < tiers.size(); i++) {
            query.setParameter(8 + i, tiers.get(i));
        }
        Tuple r = Rows.tuples(query).get(0);
        return new Compared(sales(r, "before"), sales(r, "during"));
    }

    private static Sales sales(Tuple r, String side) {
        return new Sales(Rows.longValue(r, side + "_purchases"), Rows.decimal(r, side + "_sales"),
                Rows.longValue(r, side + "_refunds"), Rows.decimal(r, side + "_refunded"));
    }
}
