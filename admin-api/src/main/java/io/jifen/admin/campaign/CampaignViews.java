package io.jifen.admin.campaign;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Campaigns as the API shows them: definition, status, counters, metrics and their CSV. */
@ApplicationScoped
public class CampaignViews {
    @Inject
    CampaignQueries queries;

    @Inject
    Clock clock;

    public Page<CampaignModels.CampaignView> page(Merchant m, int limit, String cursor) {
        return queries.campaigns(m.id, limit, cursor).map(c -> view(m, c));
    }

    public CampaignModels.CampaignView one(Merchant m, String code) {
        return view(m, queries.campaign(m.id, code));
    }

    public CampaignModels.CampaignView view(Merchant m, Campaign c) {
        CampaignModels.Audience audience = c.audienceTiers == null && c.enrolledFrom == null && c.enrolledTo == null
                ? null : new CampaignModels.Audience(c.tiers(), c.enrolledFrom, c.enrolledTo);
        CampaignModels.Budget budget = new CampaignModels.Budget(c.budgetTotal, c.budgetPerMember, c.budgetPerDay,
                c.whenExhausted);
        return new CampaignModels.CampaignView(c.code, c.name, c.theme, c.startsAt, c.endsAt, status(m, c), audience,
                budget, queries.items(c.id), c.awarded, left(c), c.participants, c.updatedAt);
    }

    /** Metrics from the counters postings keep: a handful of rows, however many postings the campaign had. */
    public CampaignModels.Metrics metrics(Merchant m, String code) {
        Campaign c = queries.campaign(m.id, code);
        List<CampaignModels.Day> days = queries.days(c.id);
        CampaignQueries.Redemptions redemptions = queries.redemptions(c, ZoneId.of(m.timeZone));
        return new CampaignModels.Metrics(c.code, status(m, c), c.participants, c.awarded, c.budgetTotal, left(c),
                days.stream().mapToLong(CampaignModels.Day::postings).sum(), redemptions.orders(), redemptions.points(),
                days);
    }

    public String metricsCsv(Merchant m, String code) {
        CampaignModels.Metrics metrics = metrics(m, code);
        StringBuilder csv = new StringBuilder("day,awarded,postings,new_participants\n");
        for (CampaignModels.Day d : metrics.days()) {
            csv.append(d.day()).append(',').append(d.awarded()).append(',').append(d.postings()).append(',')
                    .append(d.newParticipants()).append('\n');
        }
        return csv.toString();
    }

    private CampaignStatus status(Merchant m, Campaign c) {
        return c.status(clock.instant(), ZoneId.of(m.timeZone));
    }

    private static Long left(Campaign c) {
        return c.budgetTotal == null ? null : Math.max(0, c.budgetTotal - c.awarded);
    }
}
