package io.jifen.admin.campaign;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/** Campaigns as the API shows them: definition, status, counters, metrics and their CSV. */
@ApplicationScoped
public class CampaignViews {
    @Inject
    CampaignQueries queries;

    @Inject
    CampaignSales sales;

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
                && c.audienceAttributes == null ? null
                : new CampaignModels.Audience(c.tiers(), c.enrolledFrom, c.enrolledTo, c.attributeConditions());
        CampaignModels.Budget budget = new CampaignModels.Budget(c.budgetTotal, c.budgetPerMember, c.budgetPerDay,
                c.whenExhausted);
        return new CampaignModels.CampaignView(c.code, c.name, c.theme, c.startsAt, c.endsAt, status(m, c), audience,
                budget, queries.items(c.id), c.awarded, left(c), c.participants, c.updatedAt);
    }

    /**
     * Metrics from the counters postings, spending and expiry keep and the sales rollup: a handful of rows,
     * however many postings the campaign had.
     */
    public CampaignModels.Metrics metrics(Merchant m, String code) {
        Campaign c = queries.campaign(m.id, code);
        List<CampaignModels.Day> days = days(queries.days(c.id), queries.lotUse(c.id));
        CampaignQueries.Redemptions redemptions = queries.redemptions(c, ZoneId.of(m.timeZone));
        return new CampaignModels.Metrics(c.code, status(m, c), c.participants, c.awarded, c.budgetTotal, left(c),
                days.stream().mapToLong(CampaignModels.Day::postings).sum(), redemptions.orders(), redemptions.points(),
                days.stream().mapToLong(CampaignModels.Day::redeemed).sum(),
                days.stream().mapToLong(CampaignModels.Day::expired).sum(), sales(m, c), days);
    }

    /** The days of either kind of counter, in order; the exact shares of lots made whole so days add up. */
    private static List<CampaignModels.Day> days(List<CampaignQueries.Counters> counters,
                                                 List<CampaignQueries.LotUse> use) {
        long[] redeemed = WholePoints.apportion(use.stream().map(CampaignQueries.LotUse::redeemed).toList());
        long[] expired = WholePoints.apportion(use.stream().map(CampaignQueries.LotUse::expired).toList());
        TreeMap<LocalDate, CampaignModels.Day> byDay = new TreeMap<>();
        for (CampaignQueries.Counters d : counters) {
            byDay.put(d.day(), new CampaignModels.Day(d.day(), d.awarded(), d.postings(), d.newParticipants(), 0, 0));
        }
        for (int i = 0; i < use.size(); i++) {
            LocalDate day = use.get(i).day();
            CampaignModels.Day d = byDay.getOrDefault(day, new CampaignModels.Day(day, 0, 0, 0, 0, 0));
            byDay.put(day, new CampaignModels.Day(day, d.awarded(), d.postings(), d.newParticipants(), redeemed[i],
                    expired[i]));
        }
        return List.copyOf(byDay.values());
    }

    /**
     * The campaign's sales on the whole merchant-local days of its window up to today, against as many days just
     * before it, of the members of its audience's tiers (all when it names none).
     */
    private CampaignModels.SalesGrowth sales(Merchant m, Campaign c) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(m.timeZone));
        LocalDate first = c.startsAt.toLocalDate();
        LocalDate afterWindow = c.endsAt.toLocalTime().equals(LocalTime.MIDNIGHT) ? c.endsAt.toLocalDate()
                : c.endsAt.toLocalDate().plusDays(1);
        LocalDate to = afterWindow.isBefore(today.plusDays(1)) ? afterWindow : today.plusDays(1);
        long length = Math.max(0, ChronoUnit.DAYS.between(first, to));
        CampaignSales.Compared sold = sales.beforeAndFrom(m.id, ZoneId.of(m.timeZone), first.minusDays(length), first,
                first.plusDays(length), c.tiers());
        CampaignModels.Period before = period(first.minusDays(length), first, sold.before());
        CampaignModels.Period during = period(first, first.plusDays(length), sold.during());
        BigDecimal growth = length == 0 || before.net().signum() <= 0 ? null
                : during.net().subtract(before.net()).multiply(BigDecimal.valueOf(100))
                        .divide(before.net(), 1, RoundingMode.HALF_UP);
        return new CampaignModels.SalesGrowth(during, before, growth);
    }

    private static CampaignModels.Period period(LocalDate from, LocalDate to, CampaignSales.Sales s) {
        return new CampaignModels.Period(from, to, s.purchases(), s.sales(), s.refunds(), s.refunded(), s.net());
    }

    public String metricsCsv(Merchant m, String code) {
        CampaignModels.Metrics metrics = metrics(m, code);
        StringBuilder csv = new StringBuilder("day,awarded,postings,new_participants,redeemed,expired\n");
        for (CampaignModels.Day d : metrics.days()) {
            csv.append(d.day()).append(',').append(d.awarded()).append(',').append(d.postings()).append(',')
                    .append(d.newParticipants()).append(',').append(d.redeemed()).append(',').append(d.expired())
                    .append('\n');
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
