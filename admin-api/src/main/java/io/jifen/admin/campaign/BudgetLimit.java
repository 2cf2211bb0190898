package io.jifen.admin.campaign;

/** Which of a campaign's budgets leaves the least for a posting. */
public enum BudgetLimit {
    TOTAL,
    PER_MEMBER,
    PER_DAY
}
