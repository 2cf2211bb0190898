package io.jifen.cli;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.impact.ImpactAggregator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The replay of {@code jifen simulate}: the transactions of a file, member by member (in the order each
 * member first appears) and in time within a member, evaluated on the candidate and the baseline, and
 * handed to the engine's {@link ImpactAggregator} — the arithmetic of the service's impact simulations.
 *
 * <p>There is no ledger to read a posting's context from, so it is built from the file (docs/cli.md):
 * the member as the body states it; spend (this year, rolling 12 months) and event counts (today, this
 * month) from the member's earlier transactions in the file, added to the body's {@code activity};
 * points earned earlier that day and month from the side's own awards to them, so each side sees its own
 * points, as in the service's replay. Merchant caps and campaigns are not applied.
 */
final class OfflineReplay {
    private static final int CANDIDATE = 0;
    private static final int BASELINE = 1;

    private final CompiledProgram candidate;
    /** null: no baseline, every transaction earns nothing on that side. */
    private final CompiledProgram baseline;
    private final ZoneId zone;
    private final ProgramPolicy policy;
    private final String currency;
    private final ImpactAggregator report;
    private final Runnable progress;

    OfflineReplay(CompiledProgram candidate, CompiledProgram baseline, ZoneId zone, ProgramPolicy policy, String currency,
                  ImpactAggregator report, Runnable progress) {
        this.candidate = candidate;
        this.baseline = baseline;
        this.zone = zone;
        this.policy = policy;
        this.currency = currency;
        this.report = report;
        this.progress = progress;
    }

    /** The window the report covers: the local days from the first transaction's to the last one's. */
    static Instant[] window(List<TransactionBody> bodies, ZoneId zone) {
        Instant first = bodies.stream().map(TransactionBody::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = bodies.stream().map(TransactionBody::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        return new Instant[] {first.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant(),
                last.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()};
    }

    /** Members in order of first appearance, each with its transactions in time order (ties in file order). */
    static Map<String, List<Indexed>> byMember(List<TransactionBody> bodies) {
        Map<String, List<Indexed>> members = new LinkedHashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            members.computeIfAbsent(bodies.get(i).memberId(), k -> new ArrayList<>()).add(new Indexed(i, bodies.get(i)));
        }
        members.values().forEach(list -> list.sort(Comparator.comparing((Indexed x) -> x.body().occurredAt())
                .thenComparingInt(Indexed::index)));
        return members;
    }

    record Indexed(int index, TransactionBody body) {
    }

    /** Replays every member; returns the member ids by the numbers the report knows them by. */
    List<String> run(Map<String, List<Indexed>> members) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, List<Indexed>> member : members.entrySet()) {
            long number = ids.size();
            ids.add(member.getKey());
            new MemberHistory().replay(number, member.getValue());
            report.memberDone();
        }
        return ids;
    }

    /** One member's history as the file builds it up. */
    private final class MemberHistory {
        private final Deque<Object[]> lastYear = new ArrayDeque<>();
        private BigDecimal rolling = BigDecimal.ZERO;
        private BigDecimal thisYear = BigDecimal.ZERO;
        private int year = Integer.MIN_VALUE;
        private LocalDate day;
        private int month = Integer.MIN_VALUE;
        private final long[] today = new long[2];
        private final long[] thisMonth = new long[2];
        private final Map<String, Integer> eventsToday = new HashMap<>();
        private final Map<String, Integer> eventsThisMonth = new HashMap<>();

        void replay(long member, List<Indexed> transactions) {
            for (Indexed t : transactions) {
                TransactionBody body = t.body();
                ZonedDateTime at = body.occurredAt().atZone(zone);
                roll(at);
                ImpactAggregator.Transaction row = new ImpactAggregator.Transaction(t.index(),
                        body.event() ? ImpactAggregator.TransactionType.EVENT : ImpactAggregator.TransactionType.PURCHASE,
                        member, body.occurredAt(), body.event() ? null : body.total(), body.transactionId(), 0);
                ImpactAggregator.Outcome cand = evaluate(CANDIDATE, candidate, body);
                ImpactAggregator.Outcome base = baseline == null ? ImpactAggregator.Outcome.earned(0, List.of())
                        : evaluate(BASELINE, baseline, body);
                if (cand.failed() || base.failed()) {
                    List<String> sides = new ArrayList<>(2);
                    List<ImpactAggregator.Outcome> outcomes = new ArrayList<>(2);
                    if (cand.failed()) {
                        sides.add("CANDIDATE");
                        outcomes.add(cand);
                    }
                    if (base.failed()) {
                        sides.add("BASELINE");
                        outcomes.add(base);
                    }
                    report.failed(row, base.failed() ? 0 : base.points(), sides, outcomes);
                } else {
                    report.replayed(row, body.tier(), base, cand);
                }
                earned(CANDIDATE, cand);
                earned(BASELINE, base);
                if (body.event()) {
                    eventsToday.merge(body.type(), 1, Integer::sum);
                    eventsThisMonth.merge(body.type(), 1, Integer::sum);
                } else if (body.total() != null) {
                    lastYear.addLast(new Object[] {body.occurredAt(), body.total()});
                    rolling = rolling.add(body.total());
                    thisYear = thisYear.add(body.total());
                }
                progress.run();
            }
        }

        /** A new local day, month or year starts its counters afresh; spend older than a year leaves the rolling sum. */
        private void roll(ZonedDateTime at) {
            LocalDate date = at.toLocalDate();
            if (!date.equals(day)) {
                day = date;
                today[CANDIDATE] = 0;
                today[BASELINE] = 0;
                eventsToday.clear();
            }
            int m = date.getYear() * 12 + date.getMonthValue();
            if (m != month) {
                month = m;
                thisMonth[CANDIDATE] = 0;
                thisMonth[BASELINE] = 0;
                eventsThisMonth.clear();
            }
            if (date.getYear() != year) {
                year = date.getYear();
                thisYear = BigDecimal.ZERO;
            }
            Instant yearAgo = at.minusYears(1).toInstant();
            while (!lastYear.isEmpty() && !((Instant) lastYear.peekFirst()[0]).isAfter(yearAgo)) {
                rolling = rolling.subtract((BigDecimal) lastYear.pollFirst()[1]);
            }
        }

        private void earned(int side, ImpactAggregator.Outcome outcome) {
            today[side] += outcome.points();
            thisMonth[side] += outcome.points();
        }

        private ImpactAggregator.Outcome evaluate(int side, CompiledProgram program, TransactionBody body) {
            EvaluationContext given = body.context(zone, policy);
            MemberActivity a = given.activity();
            MemberActivity activity = new MemberActivity(a.getRolling12MonthSpend().add(rolling),
                    a.getSpendThisYear().add(thisYear), a.getPointsEarnedToday() + today[side],
                    a.getPointsEarnedThisMonth() + thisMonth[side], plus(a.getEventsToday(), eventsToday),
                    plus(a.getEventsThisMonth(), eventsThisMonth));
            EvaluationContext context = new EvaluationContext(zone, policy, given.member(), activity);
            Evaluation<EarningOutcome> evaluation = body.event() ? program.evaluateEvent(context, body.memberEvent(zone))
                    : program.evaluatePurchase(context, body.purchase(zone, currency));
            if (evaluation instanceof Evaluation.Completed<EarningOutcome> completed) {
                List<Award> awards = completed.value().awards();
                return ImpactAggregator.Outcome.earned(completed.value().totalPoints(), awards);
            }
            if (evaluation instanceof Evaluation.Refused<EarningOutcome> refused) {
                return ImpactAggregator.Outcome.failed("REFUSED", null, refused.problems().stream()
                        .map(p -> p.field().replaceFirst("^(purchase|event)\\.", "") + " " + p.message())
                        .collect(Collectors.joining("; ")));
            }
            Evaluation.Failed<EarningOutcome> failed = (Evaluation.Failed<EarningOutcome>) evaluation;
            return ImpactAggregator.Outcome.failed(failed.kind().name(), failed.rule(), failed.message());
        }

        private static Map<String, Integer> plus(Map<String, Integer> given, Map<String, Integer> counted) {
            if (counted.isEmpty()) {
                return given;
            }
            Map<String, Integer> sum = new HashMap<>(given);
            counted.forEach((k, v) -> sum.merge(k, v, Integer::sum));
            return sum;
        }
    }
}
