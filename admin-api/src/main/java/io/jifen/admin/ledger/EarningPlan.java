package io.jifen.admin.ledger;

import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an evaluated earning puts on the account once the merchant's policy has had its say: the
 * rules' awards, plus a negative CAP award for each policy cap that cut them (so the statement says
 * what was cut and why, and the entries still sum to the balance), and the lot that holds the points.
 */
public record EarningPlan(List<Award> awards, long points, Ledger.NewLot lot) {
    public static final String DAILY_CAP_RULE = "policy: daily earning cap";
    public static final String ACCOUNT_CAP_RULE = "policy: account cap";

    /**
     * @param earnedToday points the member earned earlier on the merchant-local day of the transaction
     * @param holdable    whether the points may be held pending (purchases, which can be returned)
     */
    public static EarningPlan of(LedgerPolicy policy, long balance, long pending, long earnedToday,
                                 EarningOutcome outcome, boolean holdable, Instant occurredAt, Instant now) {
        return of(policy, balance, pending, earnedToday, outcome.awards(), outcome.totalPoints(), holdable, occurredAt, now);
    }

    /** As above, for awards (and their total) that campaigns have had their say on already. */
    public static EarningPlan of(LedgerPolicy policy, long balance, long pending, long earnedToday, List<Award> ruled,
                                 long total, boolean holdable, Instant occurredAt, Instant now) {
        List<Award> awards = new ArrayList<>(ruled);
        long points = Math.max(0, total);
        if (policy.dailyEarnCap() != null) {
            long room = Math.max(0, policy.dailyEarnCap() - Math.max(0, earnedToday));
            long cut = Math.max(0, points - room);
            if (cut > 0) {
                awards.add(new Award(DAILY_CAP_RULE, null, "CAP", -cut, cut + " points over the daily earning cap of "
                        + policy.dailyEarnCap() + " (" + Math.max(0, earnedToday) + " already earned that day)"));
                points -= cut;
            }
        }
        if (policy.accountCap() != null) {
            // a negative balance leaves more room: what matters is where the balance ends
            long room = Math.max(0, policy.accountCap() - balance - pending);
            long cut = Math.max(0, points - room);
            if (cut > 0) {
                awards.add(new Award(ACCOUNT_CAP_RULE, null, "CAP", -cut, cut + " points over the account cap of "
                        + policy.accountCap() + " (balance " + balance + ", pending " + pending + ")"));
                points -= cut;
            }
        }
        if (points == 0) {
            return new EarningPlan(awards, 0, null);
        }
        LocalDate earnedOn = policy.localDate(occurredAt);
        boolean hold = holdable && policy.pendingDays() > 0 && policy.availableAt(occurredAt).isAfter(now);
        // points not held are spendable now, even when occurredAt is a little ahead of this clock
        Instant availableAt = hold ? policy.availableAt(occurredAt) : occurredAt.isAfter(now) ? now : occurredAt;
        boolean released = !hold;
        // released points pay a negative balance first; pending ones do so when they are released
        long remaining = released ? points - Math.min(points, Math.max(0, -balance)) : points;
        return new EarningPlan(awards, points,
                new Ledger.NewLot(points, remaining, earnedOn, policy.expiresAt(earnedOn), availableAt, released));
    }

    public boolean held() {
        return lot != null && !lot.released();
    }
}
