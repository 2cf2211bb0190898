package io.jifen.admin.redemption.order;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.redemption.catalog.CodeGenerator;
import io.jifen.admin.redemption.catalog.ItemType;
import io.jifen.admin.redemption.catalog.MallItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Issues and voids the codes of orders. A pooled code is claimed with {@code FOR UPDATE SKIP LOCKED}:
 * concurrent redemptions of one item each take a different free code without waiting on each other,
 * and {@code order_id} is set once, so a code is issued once; a voided code is never free again.
 */
@ApplicationScoped
public class Codes {
    @Inject
    EntityManager em;

    @Inject
    CodeGenerator generator;

    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(MallItem item, long orderId, Instant now) {
        if (item.generatesCodes()) {
            String prefix = item.type == ItemType.SERVICE ? "BK-" : "";
            for (int attempt = 0; attempt < 5; attempt++) {
                List<?> code = em.createNativeQuery("insert into mall_code (merchant_id, item_id, code, order_id, issued_at)"
                                + " values (?5, ?1, ?2, ?3, ?4) on conflict do nothing returning code")
                        .setParameter(1, item.id).setParameter(2, generator.next(prefix)).setParameter(3, orderId)
                        .setParameter(4, now).setParameter(5, item.merchantId).setFlushMode(FlushModeType.COMMIT).getResultList();
                if (!code.isEmpty()) {
                    return (String) code.get(0);
                }
            }
            throw new IllegalStateException("five generated codes in a row collided for item " + item.sku);
        }
        List<?> code = em.createNativeQuery("""
                        update mall_code set order_id = ?2, issued_at = ?3
                        where id = (select id from mall_code where item_id = ?1 and order_id is null and voided_at is null
                                    order by id limit 1 for update skip locked)
                        returning code""")
                .setParameter(1, item.id).setParameter(2, orderId).setParameter(3, now)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        if (code.isEmpty()) {
            throw ProblemException.of(ProblemType.OUT_OF_CODES, "item `" + item.sku
                    + "` has no code left in its pool: upload more (POST …/mall/items/" + item.sku + "/codes)");
        }
        return (String) code.get(0);
    }

    /** Voids the codes issued to an order (cancelled or returned): they are never issued again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int voidCodes(long orderId, Instant now) {
        return em.createNativeQuery("update mall_code set voided_at = ?2 where order_id = ?1 and voided_at is null")
                .setParameter(1, orderId).setParameter(2, now).setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }
}
