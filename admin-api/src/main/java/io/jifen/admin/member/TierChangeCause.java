package io.jifen.admin.member;

/**
 * What moved a member's tier ({@code tier_change.cause}; V15 checks the names): a purchase whose tier
 * rules qualify it higher, the periodic review, or an operator. A review or operator that keeps the
 * tier is recorded as {@code <cause>_RETAINED} (a purchase never retains: it only upgrades).
 */
public enum TierChangeCause {
    PURCHASE, REVIEW, MANUAL;

    /** The stored cause: the name, or {@code <name>_RETAINED} when the tier stayed. */
    String stored(boolean changed) {
        return changed ? name() : name() + "_RETAINED";
    }
}
