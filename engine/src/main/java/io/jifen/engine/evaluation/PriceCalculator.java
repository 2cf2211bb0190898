package io.jifen.engine.evaluation;

import io.jifen.engine.facts.CatalogItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the intents of a quote into a price: the lowest PRICE-phase list price (or the item's base
 * price), then each DISCOUNT in firing order on what the previous ones left, each discount's points
 * rounded with the program's rounding mode; PAYMENT-phase intents become alternative options.
 * Discounts apply to the points part only; the cash part is the item's own.
 */
public final class PriceCalculator {
    private PriceCalculator() {
    }

    public static PriceQuote quote(String programId, List<RecordedIntent> intents, CatalogItem item,
                                   ProgramPolicy policy, List<FiredRule> firedRules) {
        long listPoints = item.getBasePoints();
        String listRule = null;
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.ListPrice price && (listRule == null || price.points() < listPoints)) {
                listPoints = price.points();
                listRule = r.rule();
            }
        }
        long price = listPoints;
        List<AppliedDiscount> discounts = new ArrayList<>();
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.Discount d) {
                long off = PointsCalculator.round(BigDecimal.valueOf(price).multiply(d.percent())
                        .movePointLeft(2), policy);
                price -= off;
                discounts.add(new AppliedDiscount(r.rule(), d.family(), d.percent(), off, d.reason()));
            }
        }
        List<PaymentOption> options = new ArrayList<>();
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.PointsPlusCash p) {
                options.add(new PaymentOption(p.points(), p.cash(), r.rule(), p.reason()));
            }
        }
        BigDecimal cash = item.getCashPrice() == null ? BigDecimal.ZERO : item.getCashPrice();
        return new PriceQuote(programId, item.getSku(), item.getBasePoints(), listPoints, listRule, price, cash,
                discounts, options, firedRules);
    }
}
