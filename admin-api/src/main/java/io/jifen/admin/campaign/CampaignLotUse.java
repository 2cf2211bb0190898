package io.jifen.admin.campaign;

import io.jifen.admin.shared.SqlStatement;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What became of the points campaigns awarded: the parts the ledger adds to its own statements when
 * lots are spent, given back or expire, so a campaign's metrics say how many of its points were
 * redeemed and how many expired without anyone scanning lots per request ({@code campaign_lot_use}).
 *
 * <p>A posting's points form one lot; a campaign's part of that lot is its share,
 * {@code campaign_award.points / point_lot.points}. Whatever happens to the lot happens to the
 * campaign's points at that share: spent by a redemption or a debit counts as redeemed (a cancelled one
 * takes it back), expired as expired; a refund's taking back or a transfer is neither. Lots without a
 * campaign award join to nothing, so the parts write nothing for them.
 */
@ApplicationScoped
public class CampaignLotUse {
    /** The kinds of transaction whose taking from lots counts as redeeming them. */
    private static final String REDEEMING = "('DEBIT', 'REDEMPTION')";

    /** A lot's campaign awards with their share of the lot's points, for lots joined as {@code l}. */
    private static final String SHARES = " join campaign_award ca on ca.transaction_id = l.transaction_id and ca.points > 0"
            + " join campaign cp on cp.id = ca.campaign_id join merchant mc on mc.id = cp.merchant_id";

    /**
     * In the statement that takes points from lots for {@code transactionId}: the CTE {@code taken}
     * holds {@code (lot_id, points)}.
     */
    public void spent(SqlStatement s, String taken, long transactionId, long memberId) {
        s.with("campaign_spent", "insert into campaign_lot_use (campaign_id, day, slot, redeemed)"
                + " select ca.campaign_id, cast(now() at time zone mc.time_zone as date), " + slot(s, memberId) + ","
                + " sum(t.points * cast(ca.points as numeric) / l.points) from " + taken + " t"
                + " join point_lot l on l.id = t.lot_id" + SHARES
                + " where (select kind from loyalty_transaction where id = " + s.p(transactionId) + ") in " + REDEEMING
                + " group by 1, 2 order by 1, 2" + upsert("redeemed"));
    }

    /**
     * In the statement that gives {@code lotId} back what {@code originalId} took from it (its
     * {@code lot_consumption} row not yet marked restored): the redeemed share comes off, and what is
     * given back to a lot that expired meanwhile ({@code expired} points) counts as expired.
     */
    public void givenBack(SqlStatement s, long originalId, long lotId, long expired, long memberId) {
        s.with("campaign_back", "insert into campaign_lot_use (campaign_id, day, slot, redeemed, expired)"
                + " select ca.campaign_id, cast(now() at time zone mc.time_zone as date), " + slot(s, memberId) + ","
                + " -sum((lc.points - lc.restored) * cast(ca.points as numeric) / l.points),"
                + " sum(" + s.p(expired) + " * cast(ca.points as numeric) / l.points)"
                + " from lot_consumption lc join point_lot l on l.id = lc.lot_id" + SHARES
                + " where lc.transaction_id = " + s.p(originalId) + " and lc.lot_id = " + s.p(lotId)
                + " and (select kind from loyalty_transaction where id = lc.transaction_id) in " + REDEEMING
                + " group by 1, 2 order by 1, 2 on conflict (campaign_id, day, slot) do update"
                + " set redeemed = campaign_lot_use.redeemed + excluded.redeemed,"
                + " expired = campaign_lot_use.expired + excluded.expired");
    }

    /** In the expiry's statement: the CTE {@code due} holds {@code (id, member_id, remaining)} of the lots expiring. */
    public void expired(SqlStatement s, String due) {
        s.with("campaign_expired", "insert into campaign_lot_use (campaign_id, day, slot, expired)"
                + " select ca.campaign_id, cast(now() at time zone mc.time_zone as date), cast(d.member_id % 16 as smallint),"
                + " sum(d.remaining * cast(ca.points as numeric) / l.points) from " + due + " d"
                + " join point_lot l on l.id = d.id" + SHARES
                + " group by 1, 2, 3 order by 1, 2, 3" + upsert("expired"));
    }

    private static String slot(SqlStatement s, long memberId) {
        return s.p((short) (memberId % 16), "smallint");
    }

    private static String upsert(String column) {
        return " on conflict (campaign_id, day, slot) do update set " + column + " = campaign_lot_use." + column
                + " + excluded." + column;
    }
}
