package io.jifen.admin.ledger;

/**
 * What a {@code loyalty_transaction} row records (the column holds the name; V15 checks it). Earnings
 * come from the rules; every other kind is an operation on points idempotent by its id.
 */
public enum TransactionKind {
    PURCHASE, EVENT, REFUND, ADJUSTMENT, DEBIT, DEBIT_CANCEL, TRANSFER, REDEMPTION, REDEMPTION_CANCEL;

    /** Whether the points may be held pending until a return window ends (a purchase can be returned). */
    public boolean holdable() {
        return this == PURCHASE;
    }

    /** Whether rules were evaluated to give this transaction's points. */
    public boolean earning() {
        return this == PURCHASE || this == EVENT;
    }
}
