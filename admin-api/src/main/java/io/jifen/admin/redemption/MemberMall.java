package io.jifen.admin.redemption;

import io.jifen.admin.campaign.CampaignDefinition;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.member.MemberActivityQuery;
import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.redemption.catalog.CatalogService;
import io.jifen.admin.redemption.catalog.MallConfig;
import io.jifen.admin.redemption.catalog.MallItem;
import io.jifen.admin.redemption.order.RedemptionService;
import io.jifen.admin.redemption.pricing.MallModels;
import io.jifen.admin.redemption.pricing.Pricing;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import io.jifen.engine.evaluation.PriceQuote;
import io.jifen.engine.facts.MemberActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The mall as a member sees it: what an item costs them now, and which items they can redeem. */
@ApplicationScoped
public class MemberMall {
    @Inject
    RuleVersions versions;

    @Inject
    Pricing pricing;

    @Inject
    RedemptionService redemptions;

    @Inject
    MemberActivityQuery activities;

    @Inject
    MallConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public MallModels.QuoteView quote(Merchant merchant, String memberId, String sku) {
        LoyaltyMember member = member(merchant, memberId);
        MallItem item = CatalogService.require(merchant, sku);
        Instant now = clock.instant();
        ActiveProgram program = versions.requireActive(merchant);
        PriceQuote q = pricing.quote(merchant, program, member, item, now);
        List<String> reasons = new ArrayList<>();
        if (member.status == MemberStatus.FROZEN) {
            reasons.add("the member is frozen");
        }
        String unavailable = RedemptionService.unavailable(item, member.tier, now);
        if (unavailable != null) {
            reasons.add("the item " + unavailable);
        }
        Long stock = stock(item);
        if (stock != null && stock <= 0) {
            reasons.add("the item is out of stock");
        }
        if (item.perMemberLimit != null && redemptions.redeemedBy(member.id, item.id) >= item.perMemberLimit) {
            reasons.add("the member has reached the per-member limit of " + item.perMemberLimit);
        }
        if (Math.max(0, member.balance) < q.pointsPrice()) {
            reasons.add("the member has " + Math.max(0, member.balance) + " spendable points, " + q.pointsPrice() + " needed");
        }
        return new MallModels.QuoteView(item.sku, member.externalId, member.tier, program.version().number, q.basePoints(),
                q.listPoints(), q.listPriceRule(), q.pointsPrice(), q.cashPart(), Pricing.discounts(q), Pricing.options(q),
                q.totalPointsBack(), Pricing.pointsBack(q), now, reasons.isEmpty(), reasons.isEmpty() ? null : reasons,
                q.withheld().isEmpty() ? null : q.withheld().stream()
                        .map(w -> new MallModels.WithheldView(w.rule(), w.campaign(), w.reason())).toList());
    }

    /**
     * The items the member may redeem now — active, in their window, open to the member's tier and in
     * stock — each priced for the member by the active rules, in sku order, a page at a time of at most
     * jifen.mall.max-page items (a setting, so checked here rather than on the parameter).
     */
    @Transactional
    public Page<MallModels.RedeemableItem> redeemable(Merchant merchant, String memberId, int limit, String cursor) {
        LoyaltyMember member = member(merchant, memberId);
        Instant now = clock.instant();
        ActiveProgram program = versions.requireActive(merchant);
        if (limit > config.maxPage()) { // the bound is a setting, so it is checked here rather than on the parameter
            throw ProblemException.invalidParameter("limit", "must be a whole number between 1 and " + config.maxPage());
        }
        String after = Cursor.decode(cursor);
        List<MallItem> items = MallItem.<MallItem>find("""
                        merchantId = ?1 and active = true and sku > ?2
                        and (availableFrom is null or availableFrom <= ?3) and (availableUntil is null or availableUntil > ?3)
                        and (tiersAllowed = '' or locate(?4, concat(',', tiersAllowed, ',')) > 0)
                        and (stock is null or stock > 0)
                        order by sku""", merchant.id, after == null ? "" : after, now, "," + member.tier + ",")
                .range(0, limit).list();
        Page<MallItem> page = Page.of(items, limit, i -> i.sku);
        MemberActivity activity = activities.before(member.id, now, ZoneId.of(merchant.timeZone));
        Map<Long, Long> held = held(member.id);
        long spendable = Math.max(0, member.balance);
        Map<String, CampaignDefinition> campaigns = pricing.campaigns(merchant);
        return page.map(item -> {
            PriceQuote q = pricing.quote(merchant, program, member, activity, campaigns, item, now);
            Integer remaining = item.perMemberLimit == null ? null
                    : (int) Math.max(0, item.perMemberLimit - held.getOrDefault(item.id, 0L));
            return new MallModels.RedeemableItem(item.sku, item.name, item.description, item.imageUrl, item.type,
                    item.category, item.basePoints, q.pointsPrice(), q.cashPart(), Pricing.discounts(q),
                    Pricing.options(q), item.stock, remaining, spendable >= q.pointsPrice(), item.availableUntil);
        });
    }

    private static LoyaltyMember member(Merchant merchant, String memberId) {
        return LoyaltyMember.of(merchant.id, memberId)
                .orElseThrow(() -> ProblemException.notFound("member `" + memberId + "`"));
    }

    private Long stock(MallItem item) {
        Object stock = em.createNativeQuery("select stock from mall_item where id = ?1").setParameter(1, item.id)
                .getSingleResult();
        return stock == null ? null : ((Number) stock).longValue();
    }

    /** Units of each item the member holds (orders not cancelled or returned). */
    private Map<Long, Long> held(long memberId) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select item_id, count(*) as held from redemption_order"
                + " where member_id = ?1 and cancelled_at is null group by item_id", Tuple.class).setParameter(1, memberId));
        Map<Long, Long> held = new HashMap<>();
        rows.forEach(r -> held.put(Rows.longValue(r, "item_id"), Rows.longValue(r, "held")));
        return held;
    }
}
