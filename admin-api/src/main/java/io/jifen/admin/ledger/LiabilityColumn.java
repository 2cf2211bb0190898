package io.jifen.admin.ledger;

/**
 * The column of the liability report's daily accounting that each kind of ledger entry is counted in.
 * The switch has no default: a new {@link EntryKind} does not compile until it is given a column.
 */
public enum LiabilityColumn {
    EARNED, REVERSED, REDEEMED, RESTORED, EXPIRED, ADJUSTED, TRANSFERRED_IN, TRANSFERRED_OUT,
    /** Pending to available: its two entries cancel out, so it moves no total (shown: the available side). */
    RELEASED;

    public static LiabilityColumn of(EntryKind kind) {
        return switch (kind) {
            case EARN -> EARNED;
            case REVERSE -> REVERSED;
            case DEBIT -> REDEEMED;
            case RESTORE -> RESTORED;
            case EXPIRE -> EXPIRED;
            case ADJUST -> ADJUSTED;
            case TRANSFER_IN -> TRANSFERRED_IN;
            case TRANSFER_OUT -> TRANSFERRED_OUT;
            case RELEASE -> RELEASED;
        };
    }
}
