package io.jifen.admin.ledger;

/** Why a ledger entry moved points (the {@code ledger_entry.kind} column; V15 checks it). */
public enum EntryKind {
    /** Rule-given points: a purchase, an event, a redemption's points back. */
    EARN,
    /** Points taken back: a refund, a cancelled redemption's points back, a settled shortfall. */
    REVERSE,
    /** An operator's adjustment, up or down. */
    ADJUST,
    /** Points spent: a debit or a redemption. */
    DEBIT,
    /** Points given back to the lots a debit or redemption took them from. */
    RESTORE,
    TRANSFER_OUT,
    TRANSFER_IN,
    /** A held lot reaching the end of its return window: out of PENDING, into AVAILABLE. */
    RELEASE,
    EXPIRE
}
