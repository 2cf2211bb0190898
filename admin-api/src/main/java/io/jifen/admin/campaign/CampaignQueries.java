package io.jifen.admin.campaign;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Attributes;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of campaigns: definitions, their mall items, and their metrics from the counters postings keep. */
@ApplicationScoped
public class CampaignQueries {
    /** The columns {@link #definition} reads, of {@code campaign c}. */
    static final String DEFINITION_COLUMNS = "c.id, c.code, c.starts_at, c.ends_at, c.audience_tiers, c.enrolled_from,"
            + " c.enrolled_to, cast(c.audience_attributes as text) as audience_attributes, c.budget_total,"
            + " c.budget_per_member, c.budget_per_day, c.when_exhausted";

    @Inject
    EntityManager em;

    static CampaignDefinition definition(Tuple r) {
        String tiers = Rows.string(r, "audience_tiers");
        return new CampaignDefinition(Rows.longValue(r, "id"), Rows.string(r, "code"), Rows.localDateTime(r, "starts_at"),
                Rows.localDateTime(r, "ends_at"), tiers == null ? List.of() : List.of(tiers.split(",")),
                Rows.date(r, "enrolled_from"), Rows.date(r, "enrolled_to"),
                Attributes.conditions(Rows.string(r, "audience_attributes")), Rows.nullableLong(r, "budget_total"),
                Rows.nullableLong(r, "budget_per_member"), Rows.nullableLong(r, "budget_per_day"),
                Rows.enumValue(r, "when_exhausted", WhenExhausted.class));
    }

    /** The merchant's campaigns by code, as a simulation applies them. */
    public Map<String, CampaignDefinition> definitions(long merchantId) {
        Map<String, CampaignDefinition> byCode = new LinkedHashMap<>();
        for (Tuple r : Rows.tuples(em.createNativeQuery("select " + DEFINITION_COLUMNS + " from campaign c"
                + " where c.merchant_id = ?1 order by c.id", Tuple.class).setParameter(1, merchantId))) {
            CampaignDefinition d = definition(r);
            byCode.put(d.code(), d);
        }
        return byCode;
    }

    /** A page of the merchant's campaigns in the order they were defined. */
    public Page<Campaign> campaigns(long merchantId, int limit, String cursor) {
        Long after = Cursor.decodeLong(cursor);
        List<Campaign> rows = Campaign.<Campaign>find("merchantId = ?1 and id > ?2 order by id", merchantId,
                after == null ? 0L : after).range(0, limit).list();
        return Page.of(rows, limit, c -> String.valueOf(c.id));
    }

    public Campaign campaign(long merchantId, String code) {
        return Campaign.<Campaign>find("merchantId = ?1 and code = ?2", merchantId, code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("campaign `" + code + "`"));
    }

    Campaign lockedCampaign(long merchantId, String code) {
        return Campaign.<Campaign>find("merchantId = ?1 and code = ?2", merchantId, code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("campaign `" + code + "`"));
    }

    Long itemId(long merchantId, String sku) {
        List<?> ids = em.createNativeQuery("select id from mall_item where merchant_id = ?1 and sku = ?2")
                .setParameter(1, merchantId).setParameter(2, sku).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    void replaceItems(long campaignId, List<Long> itemIds) {
        em.createNativeQuery("delete from campaign_item where campaign_id = ?1").setParameter(1, campaignId).executeUpdate();
        for (long item : itemIds) {
            em.createNativeQuery("insert into campaign_item (campaign_id, item_id) values (?1, ?2)")
                    .setParameter(1, campaignId).setParameter(2, item).executeUpdate();
        }
    }

    /** The SKUs of the campaign's mall items. */
    public List<String> items(long campaignId) {
        return em.createNativeQuery("select i.sku from campaign_item ci join mall_item i on i.id = ci.item_id"
                + " where ci.campaign_id = ?1 order by i.sku", String.class).setParameter(1, campaignId).getResultList();
    }

    /** One day's counters of a campaign, as postings keep them (awarded, postings, new participants). */
    record Counters(LocalDate day, long awarded, long postings, long newParticipants) {
    }

    /** The campaign's days, from its per-day counters (one row per day it awarded on). */
    List<Counters> days(long campaignId) {
        return Rows.tuples(em.createNativeQuery("select day, awarded, postings, participants from campaign_day"
                        + " where campaign_id = ?1 order by day", Tuple.class).setParameter(1, campaignId)).stream()
                .map(r -> new Counters(Rows.date(r, "day"), Rows.longValue(r, "awarded"),
                        Rows.longValue(r, "postings"), Rows.longValue(r, "participants"))).toList();
    }

    /** One day's exact shares of the campaign's points redeemed (net of cancellations) and expired. */
    record LotUse(LocalDate day, BigDecimal redeemed, BigDecimal expired) {
    }

    /** What became of the campaign's points, per day (its 16 slots summed). */
    List<LotUse> lotUse(long campaignId) {
        return Rows.tuples(em.createNativeQuery("select day, sum(redeemed) as redeemed, sum(expired) as expired"
                        + " from campaign_lot_use where campaign_id = ?1 group by day order by day", Tuple.class)
                .setParameter(1, campaignId)).stream()
                .map(r -> new LotUse(Rows.date(r, "day"), Rows.decimal(r, "redeemed"), Rows.decimal(r, "expired")))
                .toList();
    }

    /**
     * What the campaign had been charged before {@code from}, net of refunds: in all (its days before
     * {@code firstDay}, the merchant-local day of {@code from}, from the day counters; that day's postings
     * that occurred before {@code from} from its own ledger), and on {@code firstDay} alone.
     */
    public BudgetReplay.Before chargedBefore(long campaignId, LocalDate firstDay, Instant from) {
        Tuple r = Rows.tuples(em.createNativeQuery("""
                        select (select coalesce(sum(awarded), 0) from campaign_day where campaign_id = ?1 and day < ?2)
                                   as earlier,
                               (select coalesce(sum(a.points), 0) from campaign_award a
                                join loyalty_transaction t on t.id = a.transaction_id
                                where a.campaign_id = ?1 and a.day = ?2 and t.occurred_at < ?3) as first_day""", Tuple.class)
                .setParameter(1, campaignId).setParameter(2, firstDay).setParameter(3, from)).get(0);
        long firstDayCharged = Rows.longValue(r, "first_day");
        return new BudgetReplay.Before(Rows.longValue(r, "earlier") + firstDayCharged, firstDayCharged);
    }

    /** Redemptions of the campaign's items placed in its window and not cancelled: how many, and their points. */
    public record Redemptions(long orders, long points) {
    }

    public Redemptions redemptions(Campaign c, ZoneId zone) {
        Tuple r = Rows.tuples(em.createNativeQuery("select count(*) as orders, coalesce(sum(o.points), 0) as points"
                        + " from campaign_item ci join redemption_order o on o.item_id = ci.item_id"
                        + " where ci.campaign_id = ?1 and o.created_at >= ?2 and o.created_at < ?3"
                        + " and o.cancelled_at is null", Tuple.class)
                .setParameter(1, c.id).setParameter(2, c.startsAt.atZone(zone).toInstant())
                .setParameter(3, c.endsAt.atZone(zone).toInstant())).get(0);
        return new Redemptions(Rows.longValue(r, "orders"), Rows.longValue(r, "points"));
    }
}
