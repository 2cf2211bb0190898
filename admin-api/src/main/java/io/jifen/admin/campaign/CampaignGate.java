package io.jifen.admin.campaign;

import io.jifen.engine.evaluation.Award;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds a campaign's rules to its campaign: outside its window or audience, or for a campaign the merchant
 * has not defined, they award nothing; beyond what its budgets have left, their award is trimmed (or refused
 * whole). Each cut is a negative award naming the campaign and why, so a statement still adds up and says why
 * points are missing. Plain arithmetic: what the budgets have left comes in, the charges go out.
 */
public final class CampaignGate {
    /** The rule name of a cut made for a campaign, e.g. {@code campaign: year-end}. */
    public static final String RULE_PREFIX = "campaign: ";
    public static final String FAMILY = "CAMPAIGN";

    private CampaignGate() {
    }

    /**
     * The awards with the campaigns' cuts added, and what each campaign is charged (by code, in code
     * order). {@code terms} by campaign code; a code with no terms is a campaign the merchant has not defined.
     */
    public record Gated(List<Award> awards, long total, Map<String, Long> charges) {
        /** True when some award belongs to a campaign (only then are campaigns read or charged). */
        public boolean chargesAny() {
            return charges.values().stream().anyMatch(p -> p > 0);
        }

        /**
         * The charges once the merchant's caps have cut {@code capCut} points from the total: a cap takes
         * the points no campaign gave first, then the campaigns' in code order, so a campaign is charged
         * exactly what reached the member.
         */
        public Map<String, Long> afterCaps(long capCut) {
            long uncharged = Math.max(0, total - charges.values().stream().mapToLong(Long::longValue).sum());
            long fromCampaigns = Math.max(0, capCut - uncharged);
            Map<String, Long> left = new LinkedHashMap<>();
            for (Map.Entry<String, Long> c : charges.entrySet()) {
                long cut = Math.min(c.getValue(), fromCampaigns);
                fromCampaigns -= cut;
                left.put(c.getKey(), c.getValue() - cut);
            }
            return left;
        }
    }

    /** The campaign codes the awards name (those the posting must read terms for). */
    public static List<String> campaignsOf(List<Award> awards) {
        return awards.stream().map(Award::campaign).filter(c -> c != null).distinct().sorted().toList();
    }

    public static Gated apply(List<Award> awards, long total, Map<String, CampaignTerms> terms) {
        Map<String, Long> byCampaign = null; // most postings name no campaign: nothing to allocate for them
        for (Award a : awards) {
            if (a.campaign() != null) {
                byCampaign = byCampaign == null ? new TreeMap<>() : byCampaign;
                byCampaign.merge(a.campaign(), a.points(), Long::sum);
            }
        }
        if (byCampaign == null) {
            return new Gated(awards, total, Map.of());
        }
        List<Award> gated = new ArrayList<>(awards);
        Map<String, Long> charges = new LinkedHashMap<>();
        for (Map.Entry<String, Long> c : byCampaign.entrySet()) {
            String code = c.getKey();
            long points = Math.max(0, c.getValue());
            CampaignTerms t = terms.get(code);
            long cut;
            String why;
            if (t == null) {
                cut = points;
                why = "campaign `" + code + "` is not defined for this merchant: its rules award nothing";
            } else if (!t.applies()) {
                cut = points;
                why = t.whyNot();
            } else if (t.left() != null && points > t.left()) {
                boolean whole = t.whenExhausted() == WhenExhausted.REFUSE;
                cut = whole ? points : points - t.left();
                why = "campaign budget exhausted: " + t.left() + " of the " + points + " points left in " + t.limitText()
                        + (whole ? "; the campaign gives its award whole or not at all" : "");
            } else {
                cut = 0;
                why = null;
            }
            if (cut > 0) {
                gated.add(new Award(RULE_PREFIX + code, null, FAMILY, -cut, why, code));
                total -= cut;
            }
            charges.put(code, points - cut);
        }
        return new Gated(List.copyOf(gated), total, charges);
    }
}
