package io.jifen.admin.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.jifen.admin.campaign.BudgetReplay;
import io.jifen.admin.campaign.WhenExhausted;
import io.jifen.admin.shared.Inputs;
import io.jifen.engine.impact.ImpactAggregator;
import io.jifen.engine.impact.ImpactModels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

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
     * What the candidate would have changed: what was compared, then the sections the engine's
     * {@link ImpactAggregator} computes ({@link ImpactModels}, shared with {@code jifen simulate}). Points
     * are whole numbers; money figures are decimal strings in the merchant's currency, null when the
     * merchant has no point value.
     */
    public record Report(String currency, int candidateVersion, BaselineView baseline, Instant from, Instant to,
                         String zone, ImpactModels.Transactions transactions, ImpactModels.Totals points,
                         List<ImpactModels.RuleChange> byRule, List<ImpactModels.NamedChange> byFamily,
                         List<ImpactModels.NamedChange> byTier, List<ImpactModels.DayChange> byDay,
                         ImpactModels.Members members, ImpactModels.Money money,
                         List<ImpactModels.ChangedTransaction> topChanges, ImpactModels.Failures failures,
                         List<CampaignBudget> campaignBudgets) {
        static Report of(int candidateVersion, BaselineView baseline, ImpactModels.Sections s) {
            return new Report(s.currency(), candidateVersion, baseline, s.from(), s.to(), s.zone(), s.transactions(),
                    s.points(), s.byRule(), s.byFamily(), s.byTier(), s.byDay(), s.members(), s.money(), s.topChanges(),
                    s.failures(), List.of());
        }

        /** The report with what the campaigns' shared budgets would have done to each side's awards. */
        Report withCampaignBudgets(List<CampaignBudget> budgets) {
            return new Report(currency, candidateVersion, baseline, from, to, zone, transactions, points, byRule, byFamily,
                    byTier, byDay, members, money, topChanges, failures, budgets);
        }

        ImpactModels.Sections sections() {
            return new ImpactModels.Sections(currency, from, to, zone, transactions, points, byRule, byFamily, byTier,
                    byDay, members, money, topChanges, failures);
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
}
