package io.jifen.engine.impact;

import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.Phase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The arithmetic of an impact report, shared by the service's simulation runs and {@code jifen simulate}:
 * folds each replayed transaction into the report as it goes, in memory bounded by the report's own
 * size, not the window's: totals, one entry per rule, family and tier, one per day of the window, the
 * change of the member being replayed (members arrive one after the other, so each member's change goes
 * into the histogram when the next one starts), the top changes in a bounded heap, and the first
 * failures. The caller replays; this class only adds up (docs/simulation.md, "The report").
 */
public final class ImpactAggregator {
    /** What a replayed transaction is; only purchases and events are replayed, refunds are counted. */
    public enum TransactionType {
        PURCHASE, EVENT, REFUND
    }

    /**
     * A transaction as the report sees it. {@code id}: its order of posting (ranks ties and lists failures,
     * first posted first); {@code memberId}: a number standing for the member (the caller names it at
     * {@link #build}); {@code amount}: a purchase's total (null for events); {@code totalPoints}: the points it
     * was posted with (read for refunds only).
     */
    public record Transaction(long id, TransactionType kind, long memberId, Instant occurredAt, BigDecimal amount,
                              String externalId, long totalPoints) {
        public boolean purchase() {
            return kind == TransactionType.PURCHASE;
        }
    }

    /** What a side earned on one transaction (points after caps, its awards), or why it could not evaluate it. */
    public record Outcome(long points, List<Award> awards, String failure, String rule, String reason) {
        public boolean failed() {
            return failure != null;
        }

        public static Outcome earned(long points, List<Award> awards) {
            return new Outcome(points, awards, null, null, null);
        }

        public static Outcome failed(String failure, String rule, String reason) {
            return new Outcome(0, List.of(), failure, rule, reason);
        }
    }

    /** Upper bounds (inclusive) of the histogram's buckets; the last bucket is unbounded. */
    private static final long[][] BUCKETS = {
            {Long.MIN_VALUE, -10_000}, {-9_999, -1_000}, {-999, -100}, {-99, -10}, {-9, -1}, {0, 0},
            {1, 9}, {10, 99}, {100, 999}, {1_000, 9_999}, {10_000, Long.MAX_VALUE}};

    private final Instant from;
    private final Instant to;
    private final ZoneId zone;
    private final LocalDate firstDay;
    private final int top;
    private final int listedFailures;

    private long purchases;
    private long events;
    private long replayed;
    private long changed;
    private long failedTransactions;
    private long notReplayable;
    private long refunds;
    private long refundedPoints;
    private long baselineTotal;
    private long candidateTotal;

    private static final class RuleAgg {
        final String rule;
        String phase;
        String family;
        final long[] points = new long[2];
        final long[] transactions = new long[2];
        // bonus rules on purchases: sales on each side, points and spend of the newly qualifying
        final long[] sales = new long[2];
        BigDecimal newlyQualifyingSpend = BigDecimal.ZERO;

        RuleAgg(String rule) {
            this.rule = rule;
        }
    }

    private final Map<String, RuleAgg> rules = new LinkedHashMap<>();
    private final Map<String, long[]> families = new LinkedHashMap<>();
    private final Map<String, long[]> tiers = new TreeMap<>();
    private final long[][] days;
    private final IdentityHashMap<RuleAgg, long[]> transactionRules = new IdentityHashMap<>();

    private boolean memberSeen;
    private long memberChange;
    private long members;
    private long gaining;
    private long losing;
    private long equal;
    private final long[] histogram = new long[BUCKETS.length];

    private record Ranked(long magnitude, long id, Row row) {
    }

    /** What a top change keeps: its row's details and both sides' awards. */
    private record Row(String transactionId, long memberId, TransactionType kind, Instant occurredAt, BigDecimal amount,
                       String tier, long change, ImpactModels.Side baseline, ImpactModels.Side candidate) {
    }

    private final PriorityQueue<Ranked> topChanges = new PriorityQueue<>(
            Comparator.comparingLong(Ranked::magnitude).thenComparing(Comparator.comparingLong(Ranked::id).reversed()));

    private long failureCount;
    private long failedBaselinePoints;
    private final Map<String, Long> failuresByKind = new TreeMap<>();
    private final Map<String, long[]> failureGroupCounts = new LinkedHashMap<>();
    private final Map<String, String[]> failureGroups = new LinkedHashMap<>();
    private final List<Object[]> listed = new ArrayList<>();

    public ImpactAggregator(Instant from, Instant to, ZoneId zone, int top, int listedFailures) {
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.firstDay = from.atZone(zone).toLocalDate();
        LocalDate lastDay = to.minusNanos(1).atZone(zone).toLocalDate();
        this.days = new long[(int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1][3];
        this.top = top;
        this.listedFailures = listedFailures;
    }

    /** Every row streamed, in the window or not: refunds of the window are counted here. */
    public void seen(Transaction row) {
        if (row.kind() == TransactionType.REFUND && !row.occurredAt().isBefore(from) && row.occurredAt().isBefore(to)) {
            refunds++;
            refundedPoints += row.totalPoints();
        }
    }

    private void counted(Transaction row) {
        if (row.purchase()) {
            purchases++;
        } else {
            events++;
        }
    }

    public void notReplayable(Transaction row) {
        counted(row);
        notReplayable++;
    }

    /**
     * A side could not evaluate the transaction: counted once, in no other figure; each failing side's
     * failure is counted by kind, grouped, and the first ones listed. {@code baselinePoints}: what the
     * baseline gave it (0 when the baseline is the side that failed).
     */
    public void failed(Transaction row, long baselinePoints, List<String> sides, List<Outcome> outcomes) {
        counted(row);
        failedTransactions++;
        failedBaselinePoints += baselinePoints;
        for (int i = 0; i < sides.size(); i++) {
            String side = sides.get(i);
            Outcome outcome = outcomes.get(i);
            failureCount++;
            failuresByKind.merge(outcome.failure(), 1L, Long::sum);
            String key = side + '\u0000' + outcome.failure() + '\u0000' + outcome.rule();
            failureGroupCounts.computeIfAbsent(key, k -> new long[1])[0]++;
            failureGroups.putIfAbsent(key, new String[] {side, outcome.failure(), outcome.rule(), outcome.reason()});
            if (listedFailures > 0) {
                listed.add(new Object[] {row.externalId(), row.memberId(), row.kind().name(), row.occurredAt(), side,
                        outcome.failure(), outcome.rule(), outcome.reason(), row.id()});
                if (listed.size() >= 2 * listedFailures) {
                    trimListed();
                }
            }
        }
    }

    /** The failures listed are those posted first (smallest ids), whatever order they were replayed in. */
    private void trimListed() {
        listed.sort(Comparator.comparingLong(f -> (Long) f[8]));
        if (listed.size() > listedFailures) {
            listed.subList(listedFailures, listed.size()).clear();
        }
    }

    /**
     * Adds what another aggregator of the same run saw (a replay split over several threads by member):
     * every figure is a sum, a bounded heap or a bounded list, so the merge is exact.
     */
    public void merge(ImpactAggregator other) {
        purchases += other.purchases;
        events += other.events;
        replayed += other.replayed;
        changed += other.changed;
        failedTransactions += other.failedTransactions;
        notReplayable += other.notReplayable;
        refunds += other.refunds;
        refundedPoints += other.refundedPoints;
        baselineTotal += other.baselineTotal;
        candidateTotal += other.candidateTotal;
        for (RuleAgg o : other.rules.values()) {
            RuleAgg r = rules.computeIfAbsent(o.rule, RuleAgg::new);
            r.phase = r.phase == null ? o.phase : r.phase;
            r.family = r.family == null ? o.family : r.family;
            for (int s = 0; s < 2; s++) {
                r.points[s] += o.points[s];
                r.transactions[s] += o.transactions[s];
                r.sales[s] += o.sales[s];
            }
            r.newlyQualifyingSpend = r.newlyQualifyingSpend.add(o.newlyQualifyingSpend);
        }
        other.families.forEach((k, v) -> add(families.computeIfAbsent(k, x -> new long[2]), v));
        other.tiers.forEach((k, v) -> add(tiers.computeIfAbsent(k, x -> new long[2]), v));
        for (int i = 0; i < days.length; i++) {
            add(days[i], other.days[i]);
        }
        members += other.members;
        gaining += other.gaining;
        losing += other.losing;
        equal += other.equal;
        add(histogram, other.histogram);
        for (Ranked r : other.topChanges) {
            topChanges.add(r);
            if (topChanges.size() > top) {
                topChanges.poll();
            }
        }
        failureCount += other.failureCount;
        failedBaselinePoints += other.failedBaselinePoints;
        other.failuresByKind.forEach((k, v) -> failuresByKind.merge(k, v, Long::sum));
        other.failureGroupCounts.forEach((k, v) -> failureGroupCounts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        other.failureGroups.forEach(failureGroups::putIfAbsent);
        listed.addAll(other.listed);
        trimListed();
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** Both sides evaluated the transaction. */
    public void replayed(Transaction row, String tier, Outcome baseline, Outcome candidate) {
        counted(row);
        replayed++;
        long b = baseline.points();
        long c = candidate.points();
        baselineTotal += b;
        candidateTotal += c;
        if (b != c) {
            changed++;
        }
        transactionRules.clear();
        fold(baseline.awards(), 0);
        fold(candidate.awards(), 1);
        for (Map.Entry<RuleAgg, long[]> e : transactionRules.entrySet()) {
            RuleAgg r = e.getKey();
            long[] sums = e.getValue();
            for (int s = 0; s < 2; s++) {
                if (sums[s] != 0) {
                    r.transactions[s]++;
                    if (row.purchase() && Phase.BONUS.agendaGroup().equals(r.phase)) {
                        r.sales[s]++;
                    }
                }
            }
            if (row.purchase() && Phase.BONUS.agendaGroup().equals(r.phase) && sums[1] != 0 && sums[0] == 0
                    && row.amount() != null) {
                r.newlyQualifyingSpend = r.newlyQualifyingSpend.add(row.amount());
            }
        }
        String tierName = tier == null || tier.isEmpty() ? "(none)" : tier;
        long[] t = tiers.computeIfAbsent(tierName, k -> new long[2]);
        t[0] += b;
        t[1] += c;
        int day = (int) ChronoUnit.DAYS.between(firstDay, row.occurredAt().atZone(zone).toLocalDate());
        days[day][0] += b;
        days[day][1] += c;
        days[day][2]++;
        memberSeen = true;
        memberChange += c - b;
        if (b != c) {
            offer(row, tier, baseline, candidate, c - b);
        }
    }

    private void fold(List<Award> awards, int side) {
        for (Award a : awards) {
            RuleAgg r = rules.computeIfAbsent(a.rule(), RuleAgg::new);
            if (r.phase == null && a.phase() != null) {
                r.phase = a.phase().agendaGroup();
            }
            if (r.family == null) {
                r.family = a.family();
            }
            r.points[side] += a.points();
            transactionRules.computeIfAbsent(r, k -> new long[2])[side] += a.points();
            families.computeIfAbsent(a.family() == null ? "(none)" : a.family(), k -> new long[2])[side] += a.points();
        }
    }

    private void offer(Transaction row, String tier, Outcome baseline, Outcome candidate, long change) {
        long magnitude = Math.abs(change);
        if (topChanges.size() == top) {
            Ranked least = topChanges.peek();
            if (magnitude < least.magnitude() || (magnitude == least.magnitude() && row.id() > least.id())) {
                return;
            }
        }
        topChanges.add(new Ranked(magnitude, row.id(), new Row(row.externalId(), row.memberId(), row.kind(),
                row.occurredAt(), row.amount(), tier == null || tier.isEmpty() ? "(none)" : tier, change,
                side(baseline), side(candidate))));
        if (topChanges.size() > top) {
            topChanges.poll();
        }
    }

    private static ImpactModels.Side side(Outcome outcome) {
        return new ImpactModels.Side(outcome.points(), outcome.awards().stream()
                .map(ImpactModels.AwardView::of).toList());
    }

    /** The member being replayed is complete: its change goes into the member figures. */
    public void memberDone() {
        if (!memberSeen) {
            return;
        }
        members++;
        if (memberChange > 0) {
            gaining++;
        } else if (memberChange < 0) {
            losing++;
        } else {
            equal++;
        }
        for (int i = 0; i < BUCKETS.length; i++) {
            if (memberChange >= BUCKETS[i][0] && memberChange <= BUCKETS[i][1]) {
                histogram[i]++;
                break;
            }
        }
        memberSeen = false;
        memberChange = 0;
    }

    /** The members the report names (top changes, listed failures), whose merchant ids are looked up at the end. */
    public Set<Long> namedMembers() {
        Set<Long> ids = new HashSet<>();
        topChanges.forEach(r -> ids.add(r.row().memberId()));
        listed.forEach(f -> ids.add((Long) f[1]));
        return ids;
    }

    /**
     * The report's sections; {@code memberIds} turns the member numbers into the merchant's member ids;
     * {@code pointValue} (null: none) prices the points in {@code currency}.
     */
    public ImpactModels.Sections build(String currency, BigDecimal pointValue, LongFunction<String> memberIds) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        List<ImpactModels.RuleChange> byRule = rules.values().stream()
                .map(r -> new ImpactModels.RuleChange(r.rule, r.phase, r.family, r.points[0], r.points[1],
                        r.points[1] - r.points[0], r.transactions[0], r.transactions[1]))
                .sorted(Comparator.comparingLong((ImpactModels.RuleChange r) -> -Math.abs(r.change()))
                        .thenComparing(ImpactModels.RuleChange::rule))
                .toList();
        List<ImpactModels.DayChange> byDay = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            byDay.add(new ImpactModels.DayChange(firstDay.plusDays(i), days[i][0], days[i][1], days[i][1] - days[i][0],
                    days[i][2]));
        }
        List<ImpactModels.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < BUCKETS.length; i++) {
            buckets.add(new ImpactModels.Bucket(BUCKETS[i][0] == Long.MIN_VALUE ? null : BUCKETS[i][0],
                    BUCKETS[i][1] == Long.MAX_VALUE ? null : BUCKETS[i][1], histogram[i]));
        }
        List<Ranked> ranked = new ArrayList<>(topChanges);
        ranked.sort(Comparator.comparingLong(Ranked::magnitude).reversed().thenComparingLong(Ranked::id));
        List<ImpactModels.ChangedTransaction> tops = ranked.stream().map(Ranked::row)
                .map(r -> new ImpactModels.ChangedTransaction(r.transactionId(), memberIds.apply(r.memberId()),
                        r.kind().name(), r.occurredAt(), r.amount() == null ? null : decimal(r.amount(), digits), r.tier(), r.change(), r.baseline(), r.candidate()))
                .toList();
        List<ImpactModels.FailureGroup> groups = failureGroups.entrySet().stream()
                .map(e -> new ImpactModels.FailureGroup(e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        failureGroupCounts.get(e.getKey())[0], e.getValue()[3]))
                .sorted(Comparator.comparingLong(ImpactModels.FailureGroup::count).reversed())
                .toList();
        trimListed();
        List<ImpactModels.Failure> listedFailures = listed.stream()
                .map(f -> new ImpactModels.Failure((String) f[0], memberIds.apply((Long) f[1]), (String) f[2],
                        (Instant) f[3], (String) f[4], (String) f[5], (String) f[6], (String) f[7]))
                .toList();
        return new ImpactModels.Sections(currency, from, to, zone.getId(),
                new ImpactModels.Transactions(purchases, events, replayed, changed, failedTransactions, notReplayable,
                        refunds, refundedPoints),
                new ImpactModels.Totals(baselineTotal, candidateTotal, candidateTotal - baselineTotal),
                byRule, named(families), named(tiers), byDay,
                new ImpactModels.Members(members, gaining, losing, equal, buckets),
                money(pointValue, digits),
                tops,
                new ImpactModels.Failures(failureCount, failedBaselinePoints, new LinkedHashMap<>(failuresByKind),
                        groups, listedFailures));
    }

    private static List<ImpactModels.NamedChange> named(Map<String, long[]> sums) {
        return sums.entrySet().stream().map(e -> new ImpactModels.NamedChange(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[1] - e.getValue()[0])).toList();
    }

    private ImpactModels.Money money(BigDecimal pointValue, int digits) {
        if (pointValue == null) {
            return new ImpactModels.Money(null, null, null, null, bonusRules(null, digits));
        }
        return new ImpactModels.Money(pointValue.stripTrailingZeros().toPlainString(),
                decimal(pointValue.multiply(BigDecimal.valueOf(baselineTotal)), digits),
                decimal(pointValue.multiply(BigDecimal.valueOf(candidateTotal)), digits),
                decimal(pointValue.multiply(BigDecimal.valueOf(candidateTotal - baselineTotal)), digits),
                bonusRules(pointValue, digits));
    }

    private List<ImpactModels.BonusRuleCost> bonusRules(BigDecimal pointValue, int digits) {
        List<ImpactModels.BonusRuleCost> out = new ArrayList<>();
        for (RuleAgg r : rules.values()) {
            if (!Phase.BONUS.agendaGroup().equals(r.phase) || (r.sales[0] == 0 && r.sales[1] == 0)) {
                continue;
            }
            long extraSales = r.sales[1] - r.sales[0];
            long extraPoints = r.points[1] - r.points[0];
            BigDecimal extraCost = pointValue == null ? null : pointValue.multiply(BigDecimal.valueOf(extraPoints));
            String perSale = extraCost == null || extraSales <= 0 ? null
                    : extraCost.divide(BigDecimal.valueOf(extraSales), digits, RoundingMode.HALF_EVEN).toPlainString();
            out.add(new ImpactModels.BonusRuleCost(r.rule, r.family, r.sales[0], r.sales[1], extraSales, extraPoints,
                    extraCost == null ? null : decimal(extraCost, digits), perSale,
                    decimal(r.newlyQualifyingSpend, digits)));
        }
        out.sort(Comparator.comparingLong((ImpactModels.BonusRuleCost c) -> -Math.abs(c.extraPoints()))
                .thenComparing(ImpactModels.BonusRuleCost::rule));
        return out;
    }

    private static String decimal(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
