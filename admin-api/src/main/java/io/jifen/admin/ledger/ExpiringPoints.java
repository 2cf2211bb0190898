package io.jifen.admin.ledger;


import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The points that expire in the next N days, per merchant-local day: for a member, or a whole merchant. */
@ApplicationScoped
public class ExpiringPoints {
    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public LedgerModels.Expiring forMember(Merchant merchant, String memberId, int days) {
        LoyaltyMember member = LoyaltyMember.of(merchant.id, memberId)
                .orElseThrow(() -> ProblemException.notFound("member `" + memberId + "`"));
        List<LedgerModels.ExpiringDay> byDay = query(merchant, "member_id", member.id, days, false);
        return new LedgerModels.Expiring(memberId, days, byDay.stream().mapToLong(LedgerModels.ExpiringDay::points).sum(), byDay);
    }

    public LedgerModels.Expiring forMerchant(Merchant merchant, int days) {
        List<LedgerModels.ExpiringDay> byDay = query(merchant, "merchant_id", merchant.id, days, true);
        return new LedgerModels.Expiring(null, days, byDay.stream().mapToLong(LedgerModels.ExpiringDay::points).sum(), byDay);
    }

    /** The day shown is the last day the points can be used (they expire at the start of the next). */
    private List<LedgerModels.ExpiringDay> query(Merchant merchant, String column, long id, int days, boolean countMembers) {
        if (days < 1 || days > 366) {
            throw ProblemException.invalidParameter("days", Inputs.DAYS);
        }
        Instant now = clock.instant();
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select cast((expires_at at time zone ?4) - interval '1 day'"
                        + " as date) as day, sum(remaining) as points, count(distinct member_id) as members from point_lot"
                        + " where " + column + " = ?1 and remaining > 0 and expires_at > ?2 and expires_at <= ?3"
                        + " group by 1 order by 1", Tuple.class)
                .setParameter(1, id).setParameter(2, now).setParameter(3, now.plus(Duration.ofDays(days)))
                .setParameter(4, ZoneId.of(merchant.timeZone).getId()));
        return rows.stream().map(r -> new LedgerModels.ExpiringDay(Rows.date(r, "day"), Rows.longValue(r, "points"),
                countMembers ? Long.valueOf(Rows.longValue(r, "members")) : null)).toList();
    }
}
