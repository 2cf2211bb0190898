package io.jifen.engine.impact;

import io.jifen.engine.evaluation.Award;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The sections of an impact report: what replaying transactions on a candidate program changes against
 * a baseline. The service's simulation runs (admin-api, stored with the run, field names part of its API)
 * and {@code jifen simulate} both report these, computed by {@link ImpactAggregator} (docs/simulation.md).
 */
public final class ImpactModels {
    private ImpactModels() {
    }

    /**
     * Every section the aggregator computes, in the order a report lists them. Points are whole numbers;
     * money figures are decimal strings in {@code currency}, null when there is no point value.
     */
    public record Sections(String currency, Instant from, Instant to, String zone, Transactions transactions,
                           Totals points, List<RuleChange> byRule, List<NamedChange> byFamily, List<NamedChange> byTier,
                           List<DayChange> byDay, Members members, Money money, List<ChangedTransaction> topChanges,
                           Failures failures) {
    }

    /**
     * Counts over the window: {@code purchases + events} is what was read; {@code replayed} were evaluated
     * on both sides and are in every figure; {@code changed} of them earned a different number of points;
     * {@code failed} (a side could not evaluate them) and {@code notReplayable} (posted before their
     * request or context was kept) are in no figure; {@code refunds} are not replayed (docs/simulation.md).
     */
    public record Transactions(long purchases, long events, long replayed, long changed, long failed,
                               long notReplayable, long refunds, long refundedPointsAsPosted) {
    }

    public record Totals(long baseline, long candidate, long change) {
    }

    /** Points a rule awarded on each side; {@code transactions*}: how many transactions it awarded non-zero points to. */
    public record RuleChange(String rule, String phase, String family, long baseline, long candidate, long change,
                             long baselineTransactions, long candidateTransactions) {
    }

    public record NamedChange(String name, long baseline, long candidate, long change) {
    }

    /** One local day of the window (every day is listed, also days with nothing). */
    public record DayChange(LocalDate day, long baseline, long candidate, long change, long transactions) {
    }

    /** Members with at least one replayed transaction, by the sign of their change, and its distribution. */
    public record Members(long total, long gaining, long losing, long equal, List<Bucket> histogram) {
    }

    /** Members whose change is in [from, to] (both inclusive; null: unbounded). */
    public record Bucket(Long from, Long to, long members) {
    }

    /**
     * {@code pointValue}: the value of a point at the time of the run. Liability = points × point value,
     * rounded half-even to the currency's decimals. {@code bonusRules}: the extra cost per extra sale of
     * every bonus-phase rule that awarded points on purchases (docs/simulation.md).
     */
    public record Money(String pointValue, String baselineLiability, String candidateLiability, String liabilityChange,
                        List<BonusRuleCost> bonusRules) {
    }

    /**
     * {@code extraSales} = candidateSales − baselineSales (purchases the rule awarded points to);
     * {@code extraCost} = {@code extraPoints} × point value; {@code costPerExtraSale} = extraCost / extraSales
     * when extraSales > 0, else null. {@code newlyQualifyingSpend}: the total amount of the purchases the
     * rule awards under the candidate only.
     */
    public record BonusRuleCost(String rule, String family, long baselineSales, long candidateSales, long extraSales,
                                long extraPoints, String extraCost, String costPerExtraSale,
                                String newlyQualifyingSpend) {
    }

    /** A transaction whose points change most, with both explanations; {@code amount}: a purchase's total (null for events). */
    public record ChangedTransaction(String transactionId, String memberId, String kind, Instant occurredAt,
                                     String amount, String tier, long change, Side baseline, Side candidate) {
    }

    public record Side(long points, List<AwardView> awards) {
    }

    public record AwardView(String rule, String phase, String family, long points, String reason) {
        public static AwardView of(Award a) {
            return new AwardView(a.rule(), a.phase() == null ? null : a.phase().agendaGroup(), a.family(), a.points(),
                    a.reason());
        }
    }

    /**
     * Transactions a side could not evaluate: counted by kind (RULE_ERROR, FIRING_LIMIT, CONFLICT,
     * REFUSED), grouped by side, kind and rule, and the first ones listed. {@code baselinePoints}: what
     * the baseline gave the failed transactions (left out of every other figure).
     */
    public record Failures(long count, long baselinePoints, Map<String, Long> byKind, List<FailureGroup> groups,
                           List<Failure> listed) {
    }

    public record FailureGroup(String side, String failure, String rule, long count, String example) {
    }

    public record Failure(String transactionId, String memberId, String kind, Instant occurredAt, String side,
                          String failure, String rule, String reason) {
    }
}
