package io.jifen.admin.campaign;

/**
 * What a campaign allows one posting, as read (under its lock, when it has a total or daily budget) for
 * that posting: whether it applies at all (window and audience; {@code whyNot} says why not) and the
 * points its budgets have left ({@code null}: no budget limits it; {@code limit} is the tightest, {@code limitText} says it in words).
 */
public record CampaignTerms(long id, String code, String whyNot, Long left, BudgetLimit limit, String limitText,
                            WhenExhausted whenExhausted) {
    public boolean applies() {
        return whyNot == null;
    }
}
