package io.jifen.engine.evaluation;

import io.jifen.engine.facts.CatalogItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the intents of a quote into a price: the lowest PRICE-phase list price (it replaces the
 * item's base price even when higher), then the DISCOUNTs multiplied together and rounded once with
 * the program's rounding mode, so the price does not depend on the order they fired in;
 * PAYMENT-phase intents become alternative options. Discounts apply to the points part only; the
 * cash part is the item's own.
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
        // The final price is list × Π(1 − p) rounded once, whatever order the discounts fired in;
        // each discount shows its share of the saving, the last one taking the rounding remainder.
        List<Intent.Discount> applied = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        BigDecimal exact = BigDecimal.valueOf(listPoints);
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.Discount d) {
                applied.add(d);
                rules.add(r.rule());
                exact = exact.multiply(BigDecimal.ONE.subtract(d.percent().movePointLeft(2)));
            }
        }
        long price = PointsCalculator.round(exact, policy);
        List<AppliedDiscount> discounts = new ArrayList<>();
        long left = listPoints;
        BigDecimal running = BigDecimal.valueOf(listPoints);
        for (int i = 0; i < applied.size(); i++) {
            Intent.Discount d = applied.get(i);
            running = running.multiply(BigDecimal.ONE.subtract(d.percent().movePointLeft(2)));
            long after = i == applied.size() - 1 ? price : Math.max(price, PointsCalculator.round(running, policy));
            discounts.add(new AppliedDiscount(rules.get(i), d.family(), d.percent(), left - after, d.reason()));
            left = after;
        }
        BigDecimal itemCash = item.getCashPrice() == null ? BigDecimal.ZERO : item.getCashPrice();
        List<PaymentOption> options = new ArrayList<>();
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.PointsPlusCash p) {
                options.add(new PaymentOption(p.points(), p.cash(), r.rule(), p.reason()));
            } else if (r.intent() instanceof Intent.PointsShareWithCash share) {
                long points = PointsCalculator.round(BigDecimal.valueOf(listPoints).multiply(share.share()), policy);
                options.add(new PaymentOption(points, itemCash, r.rule(), share.reason()));
            }
        }
        return new PriceQuote(programId, item.getSku(), item.getBasePoints(), listPoints, listRule, price, itemCash,
                discounts, options, firedRules);
    }
}
