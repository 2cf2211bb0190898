package io.jifen.admin.ledger;

import io.jifen.admin.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's points account inside one database transaction, its member row locked: the running
 * balance (spendable) and pending points, and the ledger entries this transaction adds. Only
 * {@link Accounts} changes it; {@link Accounts#save} writes the entries and the totals in one go.
 */
public final class Account {
    final long memberId;
    final long merchantId;
    final String externalId;
    final String status;
    final String tier;
    final long balanceBefore;
    long balance;
    long pending;
    final List<Entry> entries = new ArrayList<>();

    Account(long memberId, long merchantId, String externalId, String status, String tier, long balance, long pending) {
        this.memberId = memberId;
        this.merchantId = merchantId;
        this.externalId = externalId;
        this.status = status;
        this.tier = tier;
        this.balanceBefore = balance;
        this.balance = balance;
        this.pending = pending;
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

    public String tier() {
        return tier;
    }

    public boolean frozen() {
        return "FROZEN".equals(status);
    }

    /** 409 member-frozen: a frozen member cannot {@code what} (spend points, transfer, redeem). */
    public void requireNotFrozen(String what) {
        if (frozen()) {
            throw ProblemException.conflict("member-frozen", "member `" + externalId + "` is frozen and cannot " + what
                    + " until it is unfrozen");
        }
    }

    /** 409 insufficient-points when fewer than {@code points} are spendable; {@code forWhat} ends the detail. */
    public void requireSpendable(long points, String forWhat) {
        if (spendable() < points) {
            throw new ProblemException(409, "insufficient-points", "Insufficient points", "member `" + externalId
                    + "` has " + spendable() + " spendable points, " + points + " needed " + forWhat, null);
        }
    }

    /** Spendable points: never below zero, even when the balance is. */
    public long spendable() {
        return Math.max(0, balance);
    }

    /** One movement of points. {@code bucket} AVAILABLE moves the balance, PENDING the pending points. */
    record Entry(String kind, String bucket, long points, long balanceAfter, Long transactionId, Long ruleVersionId,
                 String rule, String family, String reason, Long lotId) {
    }

    void add(String kind, boolean pendingBucket, long points, Long transactionId, Long ruleVersionId, String rule,
             String family, String reason, Long lotId) {
        long after;
        // exact: an overflow must fail the operation, never wrap a balance
        if (pendingBucket) {
            pending = Math.addExact(pending, points);
            after = pending;
        } else {
            balance = Math.addExact(balance, points);
            after = balance;
        }
        entries.add(new Entry(kind, pendingBucket ? "PENDING" : "AVAILABLE", points, after, transactionId,
                ruleVersionId, rule, family, reason, lotId));
    }
}
