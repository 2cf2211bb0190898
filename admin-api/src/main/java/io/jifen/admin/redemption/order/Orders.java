package io.jifen.admin.redemption.order;


import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.redemption.catalog.CatalogService;
import io.jifen.admin.redemption.catalog.ItemType;
import io.jifen.admin.redemption.catalog.MallItem;
import io.jifen.admin.redemption.pricing.MallModels;
import io.jifen.admin.redemption.pricing.Pricing;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;

/** Reads of redemption orders and lottery draws, as the API shows them. */
@ApplicationScoped
public class Orders {
    private static final TypeReference<List<MallModels.DiscountView>> DISCOUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<RedemptionModels.Odds>> ODDS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static final String SELECT = """
            select o.id, o.external_id as redemption_id, m.external_id as member_id, i.sku, i.name as item_name,
                   i.type, o.status, o.points, o.cash, o.payment_option, v.number as rule_version, o.discounts, o.code,
                   o.shipping_address, o.carrier, o.tracking_number, o.shipped_at, o.delivered_at, o.cancelled_at,
                   ct.external_id as cancellation_id, o.cancel_reason, o.points_restored, o.expired_meanwhile,
                   d.id as draw_id, d.random_value, d.outcome, p.name as prize, d.drawn_at, o.created_at, o.updated_at,
                   exists (select 1 from mall_code c where c.order_id = o.id and c.voided_at is not null) as code_voided,
                   o.points_back, o.points_back_reversed
            from redemption_order o
            join member m on m.id = o.member_id
            join mall_item i on i.id = o.item_id
            left join rule_version v on v.id = o.rule_version_id
            left join loyalty_transaction ct on ct.id = o.cancel_transaction_id
            left join lottery_draw d on d.order_id = o.id
            left join lottery_prize p on p.id = d.prize_id
            """;

    @Transactional(Transactional.TxType.MANDATORY)
    public RedemptionModels.OrderView byId(long orderId) {
        Tuple row = (Tuple) em.createNativeQuery(SELECT + " where o.id = ?1", Tuple.class).setParameter(1, orderId)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return view(row);
    }

    @Transactional
    public RedemptionModels.OrderView byRedemptionId(Merchant merchant, String redemptionId) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery(SELECT + " where o.merchant_id = ?1 and o.external_id = ?2",
                Tuple.class).setParameter(1, merchant.id).setParameter(2, redemptionId));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("redemption `" + redemptionId + "`");
        }
        return view(rows.get(0));
    }

    /** A page of the member's orders, newest first (down redemption_order_by_member). */
    @Transactional
    public Page<RedemptionModels.OrderView> ofMember(Merchant merchant, String memberId, int limit, String cursor) {
        List<?> member = em.createNativeQuery("select id from member where merchant_id = ?1 and external_id = ?2")
                .setParameter(1, merchant.id).setParameter(2, memberId).getResultList();
        if (member.isEmpty()) {
            throw ProblemException.notFound("member `" + memberId + "`");
        }
        Long before = Cursor.decodeLong(cursor);
        List<Tuple> rows = Rows.tuples(em.createNativeQuery(SELECT
                        + " where o.member_id = ?1 and o.id < ?2 order by o.id desc limit ?3", Tuple.class)
                .setParameter(1, ((Number) member.get(0)).longValue())
                .setParameter(2, before == null ? Long.MAX_VALUE : before).setParameter(3, limit + 1));
        return Page.of(rows, limit, r -> String.valueOf(Rows.longValue(r, "id"))).map(this::view);
    }

    /** The item's lottery draws, newest first, each with the prize table it was drawn against. */
    @Transactional
    public Page<RedemptionModels.DrawAudit> draws(Merchant merchant, String sku, int limit, String cursor) {
        MallItem item = CatalogService.require(merchant, sku);
        Long before = Cursor.decodeLong(cursor);
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("""
                        select d.id, o.external_id as redemption_id, m.external_id as member_id, d.random_value, d.odds,
                               d.outcome, p.name as prize, d.prize_stock_after, d.drawn_at
                        from lottery_draw d join redemption_order o on o.id = d.order_id join member m on m.id = d.member_id
                        left join lottery_prize p on p.id = d.prize_id
                        where d.item_id = ?1 and d.id < ?2 order by d.id desc limit ?3""", Tuple.class)
                .setParameter(1, item.id).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, limit + 1));
        return Page.of(rows, limit, r -> String.valueOf(Rows.longValue(r, "id"))).map(r -> new RedemptionModels.DrawAudit(
                Rows.longValue(r, "id"), Rows.string(r, "redemption_id"), Rows.string(r, "member_id"),
                Rows.intValue(r, "random_value"), JsonText.read(json, Rows.string(r, "odds"), ODDS),
                Rows.enumValue(r, "outcome", DrawOutcome.class), Rows.string(r, "prize"),
                Rows.nullableLong(r, "prize_stock_after"), Rows.instant(r, "drawn_at")));
    }

    private RedemptionModels.OrderView view(Tuple r) {
        RedemptionModels.DrawView draw = Rows.nullableLong(r, "draw_id") == null ? null : new RedemptionModels.DrawView(
                Rows.longValue(r, "draw_id"), Rows.intValue(r, "random_value"), Rows.enumValue(r, "outcome", DrawOutcome.class),
                Rows.string(r, "prize"), Rows.instant(r, "drawn_at"));
        String code = Rows.string(r, "code");
        String address = Rows.string(r, "shipping_address");
        return new RedemptionModels.OrderView(Rows.string(r, "redemption_id"), Rows.string(r, "member_id"),
                Rows.string(r, "sku"), Rows.string(r, "item_name"), Rows.enumValue(r, "type", ItemType.class),
                Rows.enumValue(r, "status", OrderStatus.class), Rows.longValue(r, "points"),
                Pricing.plain(Rows.decimal(r, "cash")), Rows.intValue(r, "payment_option"),
                Rows.nullableInt(r, "rule_version"), JsonText.read(json, Rows.string(r, "discounts"), DISCOUNTS), code,
                code == null ? null : Rows.bool(r, "code_voided"),
                address == null ? null : JsonText.read(json, address, RedemptionModels.ShippingAddress.class),
                Rows.string(r, "carrier"), Rows.string(r, "tracking_number"), Rows.instant(r, "shipped_at"),
                Rows.instant(r, "delivered_at"), Rows.instant(r, "cancelled_at"), Rows.string(r, "cancellation_id"),
                Rows.string(r, "cancel_reason"), Rows.nullableLong(r, "points_restored"),
                Rows.nullableLong(r, "expired_meanwhile"), Rows.longValue(r, "points_back"),
                Rows.longValue(r, "points_back_reversed"), draw, null, Rows.instant(r, "created_at"),
                Rows.instant(r, "updated_at"));
    }
}
