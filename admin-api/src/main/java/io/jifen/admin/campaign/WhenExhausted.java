package io.jifen.admin.campaign;

/** What a campaign does with an award larger than what its budgets have left ({@code campaign.when_exhausted}). */
public enum WhenExhausted {
    /** The award is cut to what is left. */
    TRIM,
    /** The award is given whole or not at all. */
    REFUSE
}
