package io.jifen.admin.campaign;

/** Where a campaign stands, computed from its window (merchant-local) and its total budget. */
public enum CampaignStatus {
    SCHEDULED,
    RUNNING,
    ENDED,
    /** Running, but its total budget is spent: its rules award nothing more. */
    EXHAUSTED
}
