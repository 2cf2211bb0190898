package io.jifen.admin.simulation;

import io.jifen.admin.ledger.TransactionKind;
import io.jifen.engine.impact.ImpactAggregator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A run's report, added up by the engine's {@link ImpactAggregator} (the arithmetic {@code jifen simulate}
 * shares): this class hands it the replay's rows and outcomes in the engine's terms, and heads the
 * finished sections with the candidate version and the baseline.
 */
final class ReportAggregator {
    private final ImpactAggregator report;

    ReportAggregator(Instant from, Instant to, ZoneId zone, int top, int listedFailures) {
        this.report = new ImpactAggregator(from, to, zone, top, listedFailures);
    }

    /** Every row streamed, in the window or not: refunds of the window are counted here. */
    void seen(Replay.Row row) {
        if (row.kind() == TransactionKind.REFUND) {
            report.seen(transaction(row));
        }
    }

    void notReplayable(Replay.Row row) {
        report.notReplayable(transaction(row));
    }

    /** A side could not evaluate the transaction (see {@link ImpactAggregator#failed}). */
    void failed(Replay.Row row, long baselinePoints, List<String> sides, List<Replay.Outcome> outcomes) {
        report.failed(transaction(row), baselinePoints, sides, outcomes.stream().map(ReportAggregator::outcome).toList());
    }

    /** Both sides evaluated the transaction. */
    void replayed(Replay.Row row, String tier, Replay.Outcome baseline, Replay.Outcome candidate) {
        report.replayed(transaction(row), tier, outcome(baseline), outcome(candidate));
    }

    void memberDone() {
        report.memberDone();
    }

    /** Adds what another aggregator of the same run saw (a replay split over several threads by member). */
    void merge(ReportAggregator other) {
        report.merge(other.report);
    }

    /** The members the report names (top changes, listed failures), whose merchant ids are looked up at the end. */
    Set<Long> namedMembers() {
        return report.namedMembers();
    }

    /** The report; {@code memberIds} turns the member row ids into the merchant's member ids. */
    SimulationModels.Report build(String currency, int candidateVersion, SimulationModels.BaselineView baseline,
                                  BigDecimal pointValue, LongFunction<String> memberIds) {
        return SimulationModels.Report.of(candidateVersion, baseline, report.build(currency, pointValue, memberIds));
    }

    private static ImpactAggregator.Transaction transaction(Replay.Row row) {
        return new ImpactAggregator.Transaction(row.id(), ImpactAggregator.TransactionType.valueOf(row.kind().name()),
                row.memberId(), row.occurredAt(), row.amount(), row.externalId(), row.totalPoints());
    }

    private static ImpactAggregator.Outcome outcome(Replay.Outcome o) {
        return new ImpactAggregator.Outcome(o.points(), o.awards(), o.failure(), o.rule(), o.reason());
    }
}
