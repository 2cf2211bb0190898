package io.jifen.admin.redemption.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One lottery draw: a number drawn uniformly from [0, 1,000,000) by a {@link SecureRandom}; each prize
 * owns a range of numbers as wide as its probability in millionths, in the prizes' order; the number
 * falls in one range (WON, when that prize still has stock — taken with a conditional update — or
 * OUT_OF_STOCK) or in none (NO_PRIZE). The number, the ranges and the outcome are stored, so anyone can
 * recompute every outcome from the audit list.
 */
@ApplicationScoped
public class Lottery {
    static final int SPACE = 1_000_000;

    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public record Drawn(long drawId, int randomValue, DrawOutcome outcome, String prize, Instant at) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Drawn draw(long merchantId, long itemId, long memberId, long orderId, Instant now) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select id, name, probability, stock is null as unlimited"
                        + " from lottery_prize where item_id = ?1 and retired_at is null order by position", Tuple.class)
                .setParameter(1, itemId).setFlushMode(FlushModeType.COMMIT));
        List<RedemptionModels.Odds> odds = new ArrayList<>();
        int from = 0;
        for (Tuple r : rows) {
            int width = Rows.decimal(r, "probability").movePointRight(6).intValueExact();
            odds.add(new RedemptionModels.Odds(Rows.longValue(r, "id"), Rows.string(r, "name"), from, from + width));
            from += width;
        }
        int value = random.nextInt(SPACE);
        RedemptionModels.Odds hit = odds.stream().filter(o -> value >= o.from() && value < o.to()).findFirst().orElse(null);
        DrawOutcome outcome = DrawOutcome.NO_PRIZE;
        Long stockAfter = null;
        boolean unlimited = hit != null && rows.stream().anyMatch(r -> Rows.longValue(r, "id") == hit.prizeId()
                && Boolean.TRUE.equals(Rows.bool(r, "unlimited")));
        if (hit != null) {
            // a prize replaced meanwhile (retired) is not won; an unlimited prize is not a row to queue on
            List<?> after = unlimited
                    ? em.createNativeQuery("select -1 from lottery_prize where id = ?1 and retired_at is null")
                    .setParameter(1, hit.prizeId()).setFlushMode(FlushModeType.COMMIT).getResultList()
                    : em.createNativeQuery("update lottery_prize set stock = stock - 1"
                            + " where id = ?1 and retired_at is null and stock > 0 returning stock")
                    .setParameter(1, hit.prizeId()).setFlushMode(FlushModeType.COMMIT).getResultList();
            if (after.isEmpty()) {
                outcome = DrawOutcome.OUT_OF_STOCK;
            } else {
                outcome = DrawOutcome.WON;
                long left = ((Number) after.get(0)).longValue();
                stockAfter = left < 0 ? null : left;
            }
        }
        long id = ((Number) em.createNativeQuery("""
                        insert into lottery_draw (merchant_id, item_id, member_id, order_id, random_value, odds, prize_id,
                                                  outcome, prize_stock_after, drawn_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), ?8, cast(?9 as bigint), ?10) returning id""")
                .setParameter(1, merchantId).setParameter(2, itemId).setParameter(3, memberId).setParameter(4, orderId)
                .setParameter(5, value).setParameter(6, JsonText.write(json, odds))
                .setParameter(7, hit == null ? null : hit.prizeId()).setParameter(8, outcome.name())
                .setParameter(9, stockAfter).setParameter(10, now)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
        return new Drawn(id, value, outcome, hit == null ? null : hit.name(), now);
    }
}
