package io.jifen.admin.redemption.order;


import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.redemption.pricing.MallModels;
import io.jifen.admin.redemption.pricing.Pricing;
import io.jifen.admin.redemption.catalog.CatalogService;
import io.jifen.admin.redemption.catalog.MallItem;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
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
            select o.id, o.external_id, m.external_id, i.sku, i.name, i.type, o.status, o.points, o.cash, o.payment_option,
                   v.number, o.discounts, o.code, o.shipping_address, o.carrier, o.tracking_number, o.shipped_at,
                   o.delivered_at, o.cancelled_at, ct.external_id, o.cancel_reason, o.points_restored, o.expired_meanwhile,
                   d.id, d.random_value, d.outcome, p.name, d.drawn_at, o.created_at, o.updated_at,
                   exists (select 1 from mall_code c where c.order_id = o.id and c.voided_at is not null),
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
        Object[] row = (Object[]) em.createNativeQuery(SELECT + " where o.id = ?1").setParameter(1, orderId)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return view(row);
    }

    @Transactional
    public RedemptionModels.OrderView byRedemptionId(Merchant merchant, String redemptionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where o.merchant_id = ?1 and o.external_id = ?2")
                .setParameter(1, merchant.id).setParameter(2, redemptionId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("redemption `" + redemptionId + "`");
        }
        return view(rows.get(0));
    }

    /** The member's orders, newest first; {@code before} pages on. */
    @Transactional
    public RedemptionModels.OrderList ofMember(Merchant merchant, String memberId, Long before, int limit) {
        List<?> member = em.createNativeQuery("select id from member where merchant_id = ?1 and external_id = ?2")
                .setParameter(1, merchant.id).setParameter(2, memberId).getResultList();
        if (member.isEmpty()) {
            throw ProblemException.notFound("member `" + memberId + "`");
        }
        int size = limit; // 1..500, checked on the request
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where o.member_id = ?1 and o.id < ?2 order by o.id desc limit ?3")
                .setParameter(1, ((Number) member.get(0)).longValue())
                .setParameter(2, before == null ? Long.MAX_VALUE : before).setParameter(3, size + 1).getResultList();
        List<RedemptionModels.OrderView> orders = rows.stream().limit(size).map(this::view).toList();
        Long next = rows.size() > size ? ((Number) rows.get(size - 1)[0]).longValue() : null;
        return new RedemptionModels.OrderList(memberId, orders, next);
    }

    /** The item's lottery draws, newest first, each with the prize table it was drawn against. */
    @Transactional
    public RedemptionModels.DrawList draws(Merchant merchant, String sku, Long before, int limit) {
        MallItem item = CatalogService.require(merchant, sku);
        int size = limit; // 1..500, checked on the request
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select d.id, o.external_id, m.external_id, d.random_value, d.odds, d.outcome, p.name,
                               d.prize_stock_after, d.drawn_at
                        from lottery_draw d join redemption_order o on o.id = d.order_id join member m on m.id = d.member_id
                        left join lottery_prize p on p.id = d.prize_id
                        where d.item_id = ?1 and d.id < ?2 order by d.id desc limit ?3""")
                .setParameter(1, item.id).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, size + 1).getResultList();
        List<RedemptionModels.DrawAudit> draws = rows.stream().limit(size).map(r -> new RedemptionModels.DrawAudit(
                ((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                JsonText.read(json, (String) r[4], ODDS), (String) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).longValue(),
                SqlValues.instant(r[8]))).toList();
        Long next = rows.size() > size ? draws.get(draws.size() - 1).drawId() : null;
        return new RedemptionModels.DrawList(sku, draws, next);
    }

    private RedemptionModels.OrderView view(Object[] r) {
        String type = (String) r[5];
        RedemptionModels.DrawView draw = r[23] == null ? null : new RedemptionModels.DrawView(((Number) r[23]).longValue(),
                ((Number) r[24]).intValue(), (String) r[25], (String) r[26], SqlValues.instant(r[27]));
        return new RedemptionModels.OrderView((String) r[1], (String) r[2], (String) r[3], (String) r[4], type,
                (String) r[6], ((Number) r[7]).longValue(), Pricing.plain((BigDecimal) r[8]),
                ((Number) r[9]).intValue(), r[10] == null ? null : ((Number) r[10]).intValue(),
                JsonText.read(json, (String) r[11], DISCOUNTS), (String) r[12], r[12] == null ? null : (Boolean) r[30],
                r[13] == null ? null : JsonText.read(json, (String) r[13], RedemptionModels.ShippingAddress.class),
                (String) r[14], (String) r[15], SqlValues.instant(r[16]), SqlValues.instant(r[17]),
                SqlValues.instant(r[18]), (String) r[19], (String) r[20],
                r[21] == null ? null : ((Number) r[21]).longValue(), r[22] == null ? null : ((Number) r[22]).longValue(),
                ((Number) r[31]).longValue(), ((Number) r[32]).longValue(),
                draw, null, SqlValues.instant(r[28]), SqlValues.instant(r[29]));
    }
}
