package io.jifen.admin.simulation;

import io.jifen.admin.campaign.BudgetReplay;
import io.jifen.admin.campaign.CampaignDefinition;
import io.jifen.admin.campaign.CampaignGate;
import io.jifen.admin.campaign.CampaignTerms;
import io.jifen.admin.ledger.EarningPlan;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.transaction.EvaluationInputs;
import io.jifen.admin.transaction.StoredContext;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.facts.MemberEvent;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run's replay. Fed the merchant's PURCHASE, EVENT and REFUND rows of the window's whole
 * merchant-local days, ordered by member then time; replays each purchase and event of the window on
 * the candidate (and on a baseline version) with the context stored with it, and hands both sides'
 * outcomes to the {@link ReportAggregator}.
 *
 * <p>What the candidate itself changes is recomputed per member, in the order the member's transactions
 * were posted (their ids: every posting holds its member's row lock while it inserts): the points
 * earned earlier that day and month that rules read ({@code MemberActivity.pointsEarnedToday/ThisMonth}:
 * the stored figure plus the side's change to the member's earlier transactions of that day or month
 * which were posted before and occurred before), and the daily earning cap, applied to the side's own
 * running total of the member-day (the day's points posted before, plus the side's change to them). So a
 * member-day is held in memory and replayed in id order. Everything else comes from the stored context
 * as posted (tier, spend, event counts: see docs/simulation.md, "What is modelled").
 */
final class Replay {
    /**
     * A stored transaction; {@code inWindow}: a purchase or event of the window (the others only count in
     * day totals). {@code parsed}: what it was posted with, read by {@link RowParser}; null when it is
     * outside the window or was posted before its request and context were kept.
     */
    record Row(long id, TransactionKind kind, long memberId, Instant occurredAt, long totalPoints, BigDecimal amount,
               String externalId, boolean inWindow, Parsed parsed) {
        boolean purchase() {
            return kind == TransactionKind.PURCHASE;
        }
    }

    /**
     * A stored purchase or event as the engine takes it: its context, its fact ({@code Purchase} or
     * {@code MemberEvent}), what was posted (null unless needed), or why its request no longer maps to a
     * fact ({@code refused}: the merchant's settings changed since, e.g. its currency).
     */
    record Parsed(StoredContext context, Object fact, PostedResult posted, String refused) {
    }

    /** Told after each purchase or event of the window; may throw to stop the run (cancelled, shut down). */
    interface Progress {
        void processed();
    }

    /** A member-day larger than {@code jifen.simulation.max-member-day}: the run fails with this message. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** What a side earned on one transaction, or why it could not evaluate it. */
    record Outcome(long points, List<Award> awards, String failure, String rule, String reason) {
        boolean failed() {
            return failure != null;
        }

        static Outcome failed(String failure, String rule, String reason) {
            return new Outcome(0, List.of(), failure, rule, reason);
        }
    }

    private static final int CANDIDATE = 0;
    private static final int BASELINE = 1;

    private final Merchant merchant;
    private final LedgerPolicy policy;
    private final ZoneId zone;
    private final CompiledProgram candidate;
    /** null: the baseline is what was posted. */
    private final CompiledProgram baseline;
    private final ReportAggregator report;
    private final Progress progress;
    private final int maxMemberDay;

    private final List<Row> memberDay = new ArrayList<>();
    private long currentMember = -1;
    private long currentDay = Long.MIN_VALUE;
    private final MonthChanges month = new MonthChanges();
    private long monthKey = Long.MIN_VALUE;
    /** Per side: the change to this member's earlier transactions (what its balance would differ by). */
    private final long[] memberRunning = new long[2];
    private long processed;

    /** The merchant's campaigns by code; per side, what each campaign charged the current member so far. */
    private final Map<String, CampaignDefinition> campaigns;
    private final List<Map<String, Long>> memberCampaigns = List.of(new HashMap<>(), new HashMap<>());
    /** Per side: charges to campaigns whose budgets members share, spent after the replay in time order. */
    private final BudgetReplay.Charges[] sharedCharges = {new BudgetReplay.Charges(), new BudgetReplay.Charges()};

    Replay(Merchant merchant, CompiledProgram candidate, CompiledProgram baseline, ReportAggregator report,
           int maxMemberDay, Progress progress, Map<String, CampaignDefinition> campaigns) {
        this.campaigns = campaigns;
        this.merchant = merchant;
        this.policy = LedgerPolicy.of(merchant);
        this.zone = ZoneId.of(merchant.timeZone);
        this.candidate = candidate;
        this.baseline = baseline;
        this.report = report;
        this.progress = progress;
        this.maxMemberDay = maxMemberDay;
    }

    /** Whether the replay needs the stored results: for the baseline as posted, and for the account cap's balances. */
    static boolean needsResults(boolean postedBaseline, Merchant merchant) {
        return postedBaseline || merchant.accountCap != null;
    }

    void accept(Row row) {
        long day = row.occurredAt().atZone(zone).toLocalDate().toEpochDay();
        if (row.memberId() != currentMember || day != currentDay) {
            flushMemberDay();
            if (row.memberId() != currentMember) {
                report.memberDone();
                currentMember = row.memberId();
                memberRunning[CANDIDATE] = 0;
                memberRunning[BASELINE] = 0;
                memberCampaigns.forEach(Map::clear);
                monthKey = Long.MIN_VALUE;
            }
            currentDay = day;
        }
        if (memberDay.size() >= maxMemberDay) {
            throw new TooLarge("member " + row.memberId() + " has more than " + maxMemberDay + " transactions on "
                    + LocalDate.ofEpochDay(day) + " (jifen.simulation.max-member-day); nothing was reported");
        }
        memberDay.add(row);
        report.seen(row);
    }

    void finish() {
        flushMemberDay();
        report.memberDone();
    }

    long processed() {
        return processed;
    }

    /** What the candidate (or the baseline version) would charge campaigns whose budgets members share. */
    BudgetReplay.Charges sharedCharges(boolean candidateSide) {
        return sharedCharges[candidateSide ? CANDIDATE : BASELINE];
    }

    /** Replays the held member-day in the order it was posted. */
    private void flushMemberDay() {
        if (memberDay.isEmpty()) {
            return;
        }
        memberDay.sort(Comparator.comparingLong(Row::id));
        LocalDate date = LocalDate.ofEpochDay(currentDay);
        long key = date.getYear() * 12L + date.getMonthValue();
        if (key != monthKey) {
            month.clear();
            monthKey = key;
        }
        long postedBefore = 0; // the points of the day posted before the row, as the ledger recorded them
        for (Row row : memberDay) {
            if (row.inWindow()) {
                replay(row, postedBefore);
                processed++;
                progress.processed();
            }
            postedBefore += row.totalPoints();
        }
        memberDay.clear();
    }

    private void replay(Row row, long postedBefore) {
        Parsed parsed = row.parsed();
        if (parsed == null) {
            report.notReplayable(row);
            return;
        }
        if (parsed.refused() != null) {
            // no version can evaluate it any more
            Outcome out = Outcome.failed("REFUSED", null, parsed.refused());
            report.failed(row, baseline == null ? row.totalPoints() : 0,
                    baseline == null ? List.of("CANDIDATE") : List.of("CANDIDATE", "BASELINE"),
                    baseline == null ? List.of(out) : List.of(out, out));
            noteChange(row, -row.totalPoints(), -row.totalPoints());
            return;
        }
        StoredContext stored = parsed.context();
        Object fact = parsed.fact();
        PostedResult posted = parsed.posted();
        Outcome cand = evaluate(CANDIDATE, candidate, row, stored, fact, posted, postedBefore);
        Outcome base = baseline == null ? new Outcome(row.totalPoints(), posted.awards(), null, null, null)
                : evaluate(BASELINE, baseline, row, stored, fact, posted, postedBefore);
        noteChange(row, cand.points() - row.totalPoints(), base.points() - row.totalPoints());
        if (cand.failed() || base.failed()) {
            List<String> sides = new ArrayList<>(2);
            List<Outcome> outcomes = new ArrayList<>(2);
            if (cand.failed()) {
                sides.add("CANDIDATE");
                outcomes.add(cand);
            }
            if (base.failed()) {
                sides.add("BASELINE");
                outcomes.add(base);
            }
            report.failed(row, base.failed() ? 0 : base.points(), sides, outcomes);
            return;
        }
        report.replayed(row, stored.tier(), base, cand);
    }

    /** Records a side's change to this transaction, for the member's later transactions. */
    private void noteChange(Row row, long candidateChange, long baselineChange) {
        memberRunning[CANDIDATE] += candidateChange;
        memberRunning[BASELINE] += baselineChange;
        if (candidateChange != 0 || baselineChange != 0) {
            month.add(row.id(), nanos(row.occurredAt()), currentDay, candidateChange, baselineChange);
        }
    }

    private Outcome evaluate(int side, CompiledProgram program, Row row, StoredContext stored, Object fact,
                             PostedResult posted, long postedBefore) {
        long at = nanos(row.occurredAt());
        long today = stored.pointsEarnedToday() + month.sum(side, row.id(), at, currentDay, true);
        long thisMonth = stored.pointsEarnedThisMonth() + month.sum(side, row.id(), at, Long.MIN_VALUE, true);
        long dayTotal = postedBefore + month.sum(side, row.id(), at, currentDay, false);
        EvaluationContext context = today == stored.pointsEarnedToday() && thisMonth == stored.pointsEarnedThisMonth()
                ? stored.context() : stored.contextWith(today, thisMonth);
        Evaluation<EarningOutcome> evaluation = row.purchase() ? program.evaluatePurchase(context, (Purchase) fact)
                : program.evaluateEvent(context, (MemberEvent) fact);
        if (evaluation instanceof Evaluation.Completed<EarningOutcome> completed) {
            long balance = 0;
            long pending = 0;
            if (posted != null) {
                // before the posting, as recorded, plus what this side changed earlier for the member
                balance = posted.balance() - (posted.held() ? 0 : row.totalPoints()) + memberRunning[side];
                pending = posted.pending() - (posted.held() ? row.totalPoints() : 0);
            }
            CampaignGate.Gated gated = campaigned(side, completed.value(), stored, row);
            EarningPlan plan = EarningPlan.of(policy, balance, pending, dayTotal, gated.awards(), gated.total(),
                    row.purchase(), row.occurredAt(), row.occurredAt());
            gated.afterCaps(Math.max(0, gated.total()) - plan.points()).forEach((code, points) -> {
                memberCampaigns.get(side).merge(code, points, Long::sum);
                CampaignDefinition d = campaigns.get(code);
                if (points > 0 && d != null && d.shared()) {
                    sharedCharges[side].add(at, row.id(), LocalDate.ofEpochDay(currentDay), code, points);
                }
            });
            return new Outcome(plan.points(), plan.awards(), null, null, null);
        }
        if (evaluation instanceof Evaluation.Refused<EarningOutcome> refused) {
            return Outcome.failed("REFUSED", null, refused.problems().stream()
                    .map(p -> EvaluationInputs.requestField(p.field()) + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        Evaluation.Failed<EarningOutcome> failed = (Evaluation.Failed<EarningOutcome>) evaluation;
        return Outcome.failed(failed.kind().name(), failed.rule(), failed.message());
    }

    /**
     * The awards once their campaigns have had their say: window and audience as on posting, and the
     * per-member budget against what this side charged the member earlier in the replay. Total and daily
     * budgets depend on other members' postings in time order, which a replay member by member does not have:
     * its charges to them are noted and spent after the replay ({@link BudgetReplay}; docs/simulation.md).
     */
    private CampaignGate.Gated campaigned(int side, EarningOutcome outcome, StoredContext stored, Row row) {
        List<String> codes = CampaignGate.campaignsOf(outcome.awards());
        if (codes.isEmpty()) {
            return CampaignGate.apply(outcome.awards(), outcome.totalPoints(), Map.of());
        }
        Map<String, CampaignTerms> terms = new HashMap<>();
        LocalDateTime at = LocalDateTime.ofInstant(row.occurredAt(), zone);
        for (String code : codes) {
            CampaignDefinition d = campaigns.get(code);
            if (d != null) {
                terms.put(code, d.termsForMember(stored.tier(), stored.enrolledOn(), stored.memberAttributes(), at,
                        memberCampaigns.get(side).getOrDefault(code, 0L)));
            }
        }
        return CampaignGate.apply(outcome.awards(), outcome.totalPoints(), terms);
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /**
     * The month's transactions of the current member whose points a side changed: id, instant, local day
     * and each side's change. Small: only changed transactions of one member and month.
     */
    static final class MonthChanges {
        private long[] ids = new long[16];
        private long[] ats = new long[16];
        private long[] days = new long[16];
        private long[][] changes = {new long[16], new long[16]};
        private int size;

        void clear() {
            size = 0;
        }

        void add(long id, long at, long day, long candidate, long baseline) {
            if (size == ids.length) {
                int n = size * 2;
                ids = Arrays.copyOf(ids, n);
                ats = Arrays.copyOf(ats, n);
                days = Arrays.copyOf(days, n);
                changes = new long[][] {Arrays.copyOf(changes[0], n), Arrays.copyOf(changes[1], n)};
            }
            ids[size] = id;
            ats[size] = at;
            days[size] = day;
            changes[CANDIDATE][size] = candidate;
            changes[BASELINE][size] = baseline;
            size++;
        }

        /**
         * A side's change to the transactions posted before {@code id} (and, when {@code occurredBefore},
         * that occurred before {@code at}), of the local day {@code day} (MIN_VALUE: the whole month).
         */
        long sum(int side, long id, long at, long day, boolean occurredBefore) {
            long sum = 0;
            long[] c = changes[side];
            for (int i = 0; i < size; i++) {
                if (ids[i] < id && (!occurredBefore || ats[i] < at) && (day == Long.MIN_VALUE || days[i] == day)) {
                    sum += c[i];
                }
            }
            return sum;
        }
    }
}
