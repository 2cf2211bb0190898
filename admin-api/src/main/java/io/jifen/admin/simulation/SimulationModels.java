package io.jifen.admin.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.jifen.admin.campaign.BudgetReplay;
import io.jifen.admin.campaign.WhenExhausted;
import io.jifen.admin.shared.Inputs;
import io.jifen.engine.evaluation.Award;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What clients send to start a simulation and what they read back (docs/simulation.md). */
public final class SimulationModels {
    private SimulationModels() {
    }

    /**
     * {@code POST /merchants/{code}/simulations}: replay the purchases and events that occurred in
     * [{@code from}, {@code to}) on {@code candidateVersion}, against {@code baseline} (default: as posted).
     */
    public record StartRequest(@NotNull @Min(1) Integer candidateVersion,
                               @NotNull @Inputs.Moment Instant from,
                               @NotNull @Inputs.Moment Instant to,
                               @Valid Baseline baseline,
                               @Min(1) @Max(100) Integer top) {
    }

    /** {@code kind} POSTED (default) or VERSION; {@code version} only, and always, with VERSION. */
    public record Baseline(@NotNull BaselineKind kind, @Min(1) Integer version) {
    }

    /** A run: its request, where it is, and, once it SUCCEEDED, its report. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RunView(long id, String merchant, RunStatus status, int candidateVersion, BaselineView baseline,
                          Instant from, Instant to, int top, Instant createdAt, String createdBy, Instant startedAt,
                          Instant finishedAt, Progress progress, int restarts, Instant cancelRequestedAt,
                          String cancelledBy, String error, @JsonRawValue String report, Links links) {
    }

    public record BaselineView(BaselineKind kind, Integer version) {
    }

    /**
     * {@code total}: the purchases and events in the window (null until the run has counted them);
     * {@code ratePerSecond} and {@code secondsLeft}: from the time the run has been working (null before
     * it has processed anything, and once it has finished, {@code secondsLeft} 0).
     */
    public record Progress(long processed, Long total, Double percent, Double ratePerSecond, Double secondsLeft,
                           Double elapsedSeconds) {
    }

    public record Links(String self, String report, String cancellation) {
    }

    // ---- the report (stored as JSON with the run; field names are part of the API) ----

    /**
     * What the candidate would have changed. Points are whole numbers; money figures are decimal strings
     * in the merchant's currency, null when the merchant has no point value.
     */
    public record Report(String currency, int candidateVersion, BaselineView baseline, Instant from, Instant to,
                         String zone, Transactions transactions, Totals points, List<RuleChange> byRule,
                         List<NamedChange> byFamily, List<NamedChange> byTier, List<DayChange> byDay,
                         Members members, Money money, List<ChangedTransaction> topChanges, Failures failures,
                         List<CampaignBudget> campaignBudgets) {
        /** The report with what the campaigns' shared budgets would have done to each side's awards. */
        Report withCampaignBudgets(List<CampaignBudget> budgets) {
            return new Report(currency, candidateVersion, baseline, from, to, zone, transactions, points, byRule, byFamily,
                    byTier, byDay, members, money, topChanges, failures, budgets);
        }
    }

    /**
     * A campaign with a total or daily budget that a side's awards charged in the window: its budgets, what it
     * had been charged before the window, and what spending them in time order did to each side's charges
     * (the report's other figures are before these cuts; docs/simulation.md). {@code baseline} is null when
     * the baseline is what was posted: posting applied the budgets already.
     */
    public record CampaignBudget(String campaign, Long total, Long perDay, WhenExhausted whenExhausted, long chargedBefore,
                                 BudgetReplay.Side candidate, BudgetReplay.Side baseline) {
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

    /** One merchant-local day of the window (every day is listed, also days with nothing). */
    public record DayChange(LocalDate day, long baseline, long candidate, long change, long transactions) {
    }

    /** Members with at least one replayed transaction, by the sign of their change, and its distribution. */
    public record Members(long total, long gaining, long losing, long equal, List<Bucket> histogram) {
    }

    /** Members whose change is in [from, to] (both inclusive; null: unbounded). */
    public record Bucket(Long from, Long to, long members) {
    }

    /**
     * {@code pointValue}: the merchant's, at the time of the run. Liability = points × point value,
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
        static AwardView of(Award a) {
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
