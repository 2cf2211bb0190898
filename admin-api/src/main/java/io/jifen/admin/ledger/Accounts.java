package io.jifen.admin.ledger;

import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves points between lots, accounts and the ledger. Every change to a member's lots happens under
 * that member's row lock ({@link #lock}), taken by the caller's transaction: postings lock one member,
 * transfers two in id order, the scheduled jobs skip members locked by others. That one rule keeps
 * balances, lots and entries in step and makes deadlocks impossible.
 */
@ApplicationScoped
public class Accounts {
    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /** A lot points were taken from, with what it keeps of its origin: the expiry. */
    public record Taken(long lotId, long points, LocalDate earnedOn, Instant expiresAt) {
    }

    /**
     * The member's account, its row locked until the transaction ends, with any points past their
     * expiry expired first (so they cannot be spent while the job has not reached them); null when
     * there is no such member.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lock(long merchantId, String externalId) {
        List<Account> found = lockAndRead(em.createNativeQuery("select id from member"
                + " where merchant_id = ?1 and external_id = ?2 for update")
                .setParameter(1, merchantId).setParameter(2, externalId));
        return found.isEmpty() ? null : found.get(0);
    }

    /** {@link #lock}, or 404 naming the member. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lockOrNotFound(long merchantId, String externalId) {
        Account account = lock(merchantId, externalId);
        if (account == null) {
            throw ProblemException.notFound("member `" + externalId + "`");
        }
        return account;
    }

    /** Locks two accounts in id order, whichever is named first, so two opposite transfers cannot deadlock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Account> lockInOrder(long merchantId, String first, String second) {
        return lockAndRead(em.createNativeQuery("select id from member"
                + " where merchant_id = ?1 and external_id in (?2, ?3) order by id for update")
                .setParameter(1, merchantId).setParameter(2, first).setParameter(3, second));
    }

    /** Locks the account of a member known by id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lockById(long memberId) {
        return lockAndRead(em.createNativeQuery("select id from member where id = ?1 for update")
                .setParameter(1, memberId)).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Account> lockAndRead(Query lock) {
        List<Long> ids = ((List<Number>) lock.setFlushMode(FlushModeType.COMMIT).getResultList()).stream()
                .map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        ledger.expire(ids, clock.instant());
        return Rows.tuples(em.createNativeQuery("select id, merchant_id, external_id, status, tier, balance, pending"
                        + " from member where id in (?1, ?2) order by id", Tuple.class)
                .setParameter(1, ids.get(0)).setParameter(2, ids.get(ids.size() - 1))
                .setFlushMode(FlushModeType.COMMIT)).stream()
                .map(r -> new Account(Rows.longValue(r, "id"), Rows.longValue(r, "merchant_id"),
                        Rows.string(r, "external_id"), Rows.enumValue(r, "status", MemberStatus.class),
                        Rows.string(r, "tier"), Rows.longValue(r, "balance"), Rows.longValue(r, "pending")))
                .toList();
    }

    /**
     * Takes up to {@code points} from the account's released lots, those expiring first first (never
     * expiring last, then oldest), records which lots gave what and adds one entry. Returns the lots
     * taken from; their sum is less than asked only when the account holds less.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Taken> spend(Account account, long transactionId, long points, EntryKind kind, String reason) {
        List<Taken> taken = takeFromLots(account, transactionId, points,
                "member_id = ?1 and released and remaining > 0", account.memberId);
        long total = taken.stream().mapToLong(Taken::points).sum();
        if (total > 0) {
            account.add(kind, Bucket.AVAILABLE, -total, Account.Cause.of(transactionId, reason));
        }
        return taken;
    }

    /**
     * Takes up to {@code points} from the lots a transaction created, first the pending ones (a refund
     * inside the return window cancels pending points first), then the released ones.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long takeFromOwnLots(Account account, long refundId, long originalId, long points, String reason,
                                Long ruleVersionId) {
        List<Taken> pendingTaken = takeFromLots(account, refundId, points,
                "transaction_id = ?1 and not released and remaining > 0", originalId);
        long fromPending = pendingTaken.stream().mapToLong(Taken::points).sum();
        if (fromPending > 0) {
            account.add(EntryKind.REVERSE, Bucket.PENDING, -fromPending,
                    Account.Cause.of(refundId, reason + " (pending points cancelled)").byVersion(ruleVersionId));
        }
        List<Taken> releasedTaken = takeFromLots(account, refundId, points - fromPending,
                "transaction_id = ?1 and released and remaining > 0", originalId);
        long fromReleased = releasedTaken.stream().mapToLong(Taken::points).sum();
        if (fromReleased > 0) {
            account.add(EntryKind.REVERSE, Bucket.AVAILABLE, -fromReleased,
                    Account.Cause.of(refundId, reason).byVersion(ruleVersionId));
        }
        return fromPending + fromReleased;
    }

    /** What a take-back did: points taken (a negative balance included), and what could not be taken. */
    public record TakenBack(long points, long shortfall) {
    }

    /**
     * Takes back {@code points} that {@code originalId} put on the account (a refunded purchase, the
     * points back of a cancelled redemption): from its own lots first (pending, then released), then
     * from the member's other points, expiring first. What is still missing follows the merchant's
     * shortfall policy: ALLOW_NEGATIVE takes it anyway (the balance goes negative), TAKE_AVAILABLE
     * leaves it as the shortfall for the caller to record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TakenBack takeBack(Account account, long transactionId, long originalId, long points, String reason,
                              Long ruleVersionId, LedgerPolicy.Shortfall policy) {
        long taken = takeFromOwnLots(account, transactionId, originalId, points, reason, ruleVersionId);
        if (taken < points) {
            taken += spend(account, transactionId, points - taken, EntryKind.REVERSE,
                    reason + " (already spent: taken from other points)").stream().mapToLong(Taken::points).sum();
        }
        long shortfall = points - taken;
        if (shortfall > 0 && policy == LedgerPolicy.Shortfall.ALLOW_NEGATIVE) {
            account.add(EntryKind.REVERSE, Bucket.AVAILABLE, -shortfall,
                    Account.Cause.of(transactionId, reason + " (already spent: balance goes negative)"));
            return new TakenBack(points, 0);
        }
        return new TakenBack(taken, shortfall);
    }

    private List<Taken> takeFromLots(Account account, long transactionId, long points, String which, long whichId) {
        if (points <= 0) {
            return List.of();
        }
        // only the lots needed: those whose earlier siblings do not already cover the points
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select id, remaining, earned_on, expires_at from ("
                        + " select id, remaining, earned_on, expires_at,"
                        + " sum(remaining) over (order by expires_at nulls last, id) - remaining as before"
                        + " from point_lot where " + which
                        + ") lots where before < ?2 order by expires_at nulls last, id", Tuple.class)
                .setParameter(1, whichId).setParameter(2, points).setFlushMode(FlushModeType.COMMIT));
        List<Taken> taken = new ArrayList<>();
        long left = points;
        for (Tuple r : rows) {
            long take = Math.min(left, Rows.longValue(r, "remaining"));
            taken.add(new Taken(Rows.longValue(r, "id"), take, Rows.date(r, "earned_on"), Rows.instant(r, "expires_at")));
            left -= take;
        }
        if (taken.isEmpty()) {
            return taken;
        }
        ledger.consume(account, transactionId, taken);
        return taken;
    }

    /**
     * Puts {@code points} on the account as a new released lot and adds the entry. When the balance is
     * negative the new points pay that debt first: the lot keeps only what is left over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long credit(Account account, long transactionId, long points, EntryKind kind, String reason,
                       LocalDate earnedOn, Instant expiresAt, Instant now) {
        long lotId = ledger.newLot(account, transactionId, new Ledger.NewLot(points,
                points - account.debtPaidBy(points), earnedOn, expiresAt, now, true));
        account.add(kind, Bucket.AVAILABLE, points, Account.Cause.of(transactionId, reason).onLot(lotId));
        return lotId;
    }

    /** One award of a credit: the rule that gave it and why. */
    public record Award(String rule, String family, long points, String reason) {
    }

    /**
     * Puts rule-given points on the account (points back on a redemption) as one released lot, one
     * entry per award naming its rule and version; a negative balance is paid first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long creditAwards(Account account, long transactionId, List<Award> awards, Long ruleVersionId,
                             LocalDate earnedOn, Instant expiresAt, Instant now) {
        long points = awards.stream().mapToLong(Award::points).sum();
        long lotId = ledger.newLot(account, transactionId, new Ledger.NewLot(points,
                points - account.debtPaidBy(points), earnedOn, expiresAt, now, true));
        for (Award a : awards) {
            account.add(EntryKind.EARN, Bucket.AVAILABLE, a.points(),
                    new Account.Cause(transactionId, ruleVersionId, a.rule(), a.family(), a.reason(), lotId));
        }
        return lotId;
    }

    /**
     * What a give-back did: points back on the account, points whose lots expired meanwhile (they stay
     * expired), and how many of the returned points settled open refund shortfalls (taken again at once).
     */
    public record Restored(long points, long expiredMeanwhile, long settledShortfall) {
    }

    /**
     * Gives back what {@code originalId} (a debit, a redemption) took, to the very lots it came from,
     * so the points keep their expiry; points whose lot has expired since stay expired (counted on the
     * lot as expired). Each consumption comes back once, whatever calls this again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Restored restore(Account account, long transactionId, long originalId, EntryKind kind, String reason, Instant now) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("""
                        select c.lot_id, c.points - c.restored as unrestored, l.expires_at from lot_consumption c
                        join point_lot l on l.id = c.lot_id
                        where c.transaction_id = ?1 and c.points > c.restored and l.member_id = ?2 order by c.lot_id""",
                        Tuple.class)
                .setParameter(1, originalId).setParameter(2, account.memberId).setFlushMode(FlushModeType.COMMIT));
        long back = 0;
        long expired = 0;
        for (Tuple r : rows) {
            long lotId = Rows.longValue(r, "lot_id");
            long points = Rows.longValue(r, "unrestored");
            Instant expiresAt = Rows.instant(r, "expires_at");
            boolean gone = expiresAt != null && !expiresAt.isAfter(now);
            // a negative balance is paid first: that part does not go back into the lot
            long toLot = gone ? 0 : points - Math.min(points, Math.max(0, -(account.balance + back)));
            ledger.restoreLot(originalId, account.memberId, lotId, toLot, gone ? points : 0);
            if (gone) {
                expired += points;
            } else {
                back += points;
            }
        }
        if (back > 0) {
            account.add(kind, Bucket.AVAILABLE, back, Account.Cause.of(transactionId, reason));
        }
        return new Restored(back, expired, settleShortfalls(account, transactionId, back));
    }

    /**
     * Points coming back to a member who still owes a refund's shortfall (TAKE_AVAILABLE: the refunded
     * purchase's points had been spent) settle it first, oldest refund first: otherwise a cancelled
     * redemption would hand back points of a purchase that was refunded.
     */
    private long settleShortfalls(Account account, long transactionId, long available) {
        List<Tuple> open = Rows.tuples(em.createNativeQuery("""
                        select id, external_id, shortfall - shortfall_settled as owed from loyalty_transaction
                        where member_id = ?1 and shortfall > shortfall_settled order by id""", Tuple.class)
                .setParameter(1, account.memberId).setFlushMode(FlushModeType.COMMIT));
        long settled = 0;
        long left = Math.min(available, account.spendable());
        for (Tuple refund : open) {
            long owed = Math.min(Rows.longValue(refund, "owed"), left - settled);
            if (owed <= 0) {
                break;
            }
            long taken = spend(account, transactionId, owed, EntryKind.REVERSE, "settles the shortfall of refund " + Rows.string(refund, "external_id"))
                    .stream().mapToLong(Taken::points).sum();
            ledger.settleShortfall(Rows.longValue(refund, "id"), taken);
            settled += taken;
        }
        return settled;
    }
}
