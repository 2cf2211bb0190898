package io.jifen.admin.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What decides whether a campaign's rules may award: its window (merchant-local, {@code [startsAt, endsAt)}),
 * its audience (tiers; an enrolment window; conditions on member attributes: name → accepted values, in name
 * order) and its budgets. Read for a posting, a dry run or a simulation.
 */
public record CampaignDefinition(long id, String code, LocalDateTime startsAt, LocalDateTime endsAt, List<String> tiers,
                                 LocalDate enrolledFrom, LocalDate enrolledTo, Map<String, List<String>> attributes,
                                 Long budgetTotal, Long budgetPerMember, Long budgetPerDay, WhenExhausted whenExhausted) {
    /** Budgets that members share (total, per day): a posting locks the campaign to spend them. */
    public boolean shared() {
        return budgetTotal != null || budgetPerDay != null;
    }

    /**
     * Why the campaign gives this member nothing at this merchant-local moment, or null when it applies
     * ({@code memberAttributes}: the member's attributes as the posting sees them).
     */
    public String whyNot(String tier, LocalDate enrolledOn, Map<String, String> memberAttributes, LocalDateTime at) {
        if (at.isBefore(startsAt) || !at.isBefore(endsAt)) {
            return "outside the window of campaign `" + code + "` (" + startsAt + " to " + endsAt + ", merchant-local)";
        }
        if (!tiers.isEmpty() && !tiers.contains(tier)) {
            return "tier " + tier + " is not in the audience of campaign `" + code + "` (tiers " + String.join(", ", tiers)
                    + ")";
        }
        if ((enrolledFrom != null && (enrolledOn == null || enrolledOn.isBefore(enrolledFrom)))
                || (enrolledTo != null && (enrolledOn == null || enrolledOn.isAfter(enrolledTo)))) {
            return "the member, enrolled on " + enrolledOn + ", is not in the audience of campaign `" + code + "` (enrolled "
                    + (enrolledFrom == null ? "any time" : "from " + enrolledFrom)
                    + (enrolledTo == null ? "" : " to " + enrolledTo) + ")";
        }
        for (Map.Entry<String, List<String>> condition : attributes.entrySet()) {
            String value = memberAttributes.get(condition.getKey());
            if (value == null || !condition.getValue().contains(value)) {
                return (value == null ? "member has no " + condition.getKey() : "member's " + condition.getKey() + " is "
                        + value) + ", not one of " + String.join(", ", condition.getValue())
                        + " (the audience of campaign `" + code + "`)";
            }
        }
        return null;
    }

    /** The terms of a posting that only the per-member budget limits ({@code memberAwarded}: charged so far). */
    public CampaignTerms termsForMember(String tier, LocalDate enrolledOn, Map<String, String> memberAttributes,
                                        LocalDateTime at, long memberAwarded) {
        Long left = budgetPerMember == null ? null : Math.max(0, budgetPerMember - memberAwarded);
        return new CampaignTerms(id, code, whyNot(tier, enrolledOn, memberAttributes, at), left,
                left == null ? null : BudgetLimit.PER_MEMBER,
                left == null ? null : "its budget of " + budgetPerMember + " per member", whenExhausted);
    }
}
