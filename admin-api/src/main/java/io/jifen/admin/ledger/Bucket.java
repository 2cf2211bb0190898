package io.jifen.admin.ledger;

/**
 * Which total a ledger entry moves ({@code ledger_entry.bucket}): AVAILABLE entries sum to the balance,
 * PENDING entries to the points held until a purchase's return window ends.
 */
public enum Bucket {
    AVAILABLE, PENDING
}
