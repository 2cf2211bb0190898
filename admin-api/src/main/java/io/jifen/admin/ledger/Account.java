package io.jifen.admin.ledger;

import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.engine.evaluation.Award;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's points account inside one database transaction, its member row locked: the running
 * balance (spendable) and pending points, and the ledger entries this transaction adds. All balance
 * arithmetic happens here, once, in {@link #add}: each entry's {@code balanceAfter} is the total it
 * leaves, and an overflow fails the operation instead of wrapping. {@link Journal} writes what it holds.
 */
public final class Account {
    final long memberId;
    final long merchantId;
    final String externalId;
    final MemberStatus status;
    final String tier;
    final long balanceBefore;
    final long pendingBefore;
    long balance;
    long pending;
    final List<Entry> entries = new ArrayList<>();

    Account(long memberId, long merchantId, String externalId, MemberStatus status, String tier, long balance, long pending) {
        this.memberId = memberId;
        this.merchantId = merchantId;
        this.externalId = externalId;
        this.status = status;
        this.tier = tier;
        this.balanceBefore = balance;
        this.pendingBefore = pending;
        this.balance = balance;
        this.pending = pending;
    }

    /** The account of a member row the caller's transaction has locked (a posting's batch locks it). */
    public static Account ofLockedMember(long memberId, long merchantId, String externalId, MemberStatus status, String tier,
                                         long balance, long pending) {
        return new Account(memberId, merchantId, externalId, status, tier, balance, pending);
    }

    public long memberId() {
        return memberId;
    }

    public String externalId() {
        return externalId;
    }

    public long balance() {
        return balance;
    }

    public long pending() {
        return pending;
    }

    /** The balance when the account was locked, before this transaction's entries. */
    public long balanceBefore() {
        return balanceBefore;
    }

    public String tier() {
        return tier;
    }

    public boolean frozen() {
        return status == MemberStatus.FROZEN;
    }

    /** 409 member-frozen: a frozen member cannot {@code what} (spend points, transfer, redeem). */
    public void requireNotFrozen(String what) {
        if (frozen()) {
            throw ProblemException.of(ProblemType.MEMBER_FROZEN, "member `" + externalId + "` is frozen and cannot " + what
                    + " until it is unfrozen");
        }
    }

    /** 409 insufficient-points when fewer than {@code points} are spendable; {@code forWhat} ends the detail. */
    public void requireSpendable(long points, String forWhat) {
        if (spendable() < points) {
            throw ProblemException.of(ProblemType.INSUFFICIENT_POINTS, "member `" + externalId
                    + "` has " + spendable() + " spendable points, " + points + " needed " + forWhat, null);
        }
    }

    /** Spendable points: never below zero, even when the balance is. */
    public long spendable() {
        return Math.max(0, balance);
    }

    /** The part of {@code points} coming in that pays a negative balance first (a refund's debt). */
    long debtPaidBy(long points) {
        return Math.min(points, Math.max(0, -balance));
    }

    /** One movement of points, with what caused it. */
    record Entry(EntryKind kind, Bucket bucket, long points, long balanceAfter, Cause cause) {
    }

    /**
     * What an entry traces to: the transaction row (null in a posting: the row its statement inserts),
     * the rule version, rule and family that gave the points, the reason shown on the statement, and the
     * lot (null in a posting with a lot: the lot its statement inserts).
     */
    public record Cause(Long transactionId, Long ruleVersionId, String rule, String family, String reason, Long lotId) {
        /** An operation's cause: its transaction and reason. */
        public static Cause of(Long transactionId, String reason) {
            return new Cause(transactionId, null, null, null, reason, null);
        }

        public Cause onLot(Long lot) {
            return new Cause(transactionId, ruleVersionId, rule, family, reason, lot);
        }

        public Cause byVersion(Long version) {
            return new Cause(transactionId, version, rule, family, reason, lotId);
        }
    }

    /** Moves {@code points} (negative: out) in {@code bucket} and records the entry with the total it leaves. */
    void add(EntryKind kind, Bucket bucket, long points, Cause cause) {
        long after;
        // exact: an overflow must fail the operation, never wrap a balance
        if (bucket == Bucket.PENDING) {
            pending = Math.addExact(pending, points);
            after = pending;
        } else {
            balance = Math.addExact(balance, points);
            after = balance;
        }
        entries.add(new Entry(kind, bucket, points, after, cause));
    }

    /**
     * A posting's awards (its rules' and its policy caps'), held in PENDING or spendable at once; the
     * entries name the version, rule and reason, and the row and lot the posting's statement inserts.
     */
    public void earn(List<Award> awards, boolean held, long ruleVersionId) {
        for (Award a : awards) {
            if (a.points() != 0) {
                add(EntryKind.EARN, held ? Bucket.PENDING : Bucket.AVAILABLE, a.points(),
                        new Cause(null, ruleVersionId, a.rule(), a.family(), a.reason(), null));
            }
        }
    }

    /** Whether this transaction has changed the account (entries not yet written). */
    boolean changed() {
        return !entries.isEmpty();
    }
}
