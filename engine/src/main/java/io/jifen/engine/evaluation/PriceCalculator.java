package io.jifen.engine.evaluation;

import io.jifen.engine.facts.CatalogItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the intents of a quote into a price: the lowest PRICE-phase list price (it replaces the
 * item's base price even when higher), then the DISCOUNTs multiplied together and rounded once with
 * the program's rounding mode, so the price does not depend on the order they fired in;
 * PAYMENT-phase intents become alternative options. Discounts apply to the points part only; the
 * cash part is the item's own. Intents of a rule whose campaign does not apply ({@code campaignClosed}
 * gives the reason, null when it applies) are left out and listed as withheld.
 */
public final class PriceCalculator {
    private PriceCalculator() {
    }

    public static PriceQuote quote(String programId, List<RecordedIntent> stated, CatalogItem item,
                                   ProgramPolicy policy, List<FiredRule> firedRules,
                                   Function<String, String> campaignClosed) {
        List<RecordedIntent> intents = new ArrayList<>();
        Map<String, WithheldRule> withheld = new LinkedHashMap<>();
        for (RecordedIntent r : stated) {
            String why = r.campaign() == null ? null : campaignClosed.apply(r.campaign());
            if (why == null) {
                intents.add(r);
            } else {
                withheld.putIfAbsent(r.rule(), new WithheldRule(r.rule(), r.campaign(), why));
            }
        }
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
        // points back: the percents add up and apply once to the points paid; each rule shows its share,
        // the last taking the rounding remainder, so the shares sum to the total whatever the firing order
        List<PointsBack> back = new ArrayList<>();
        BigDecimal percents = BigDecimal.ZERO;
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.PointsBack b) {
                percents = percents.add(b.percent());
                back.add(new PointsBack(r.rule(), b.family(), b.percent(), 0, b.reason()));
            }
        }
        long totalBack = pointsBack(percents, price, policy);
        long given = 0;
        for (int i = 0; i < back.size(); i++) {
            PointsBack b = back.get(i);
            long share = i == back.size() - 1 ? totalBack - given
                    : Math.min(totalBack - given, pointsBack(b.percent(), price, policy));
            back.set(i, new PointsBack(b.rule(), b.family(), b.percent(), share, b.reason()));
            given += share;
        }
        return new PriceQuote(programId, item.getSku(), item.getBasePoints(), listPoints, listRule, price, itemCash,
                discounts, options, back, firedRules, policy, List.copyOf(withheld.values()));
    }

    /** {@code percent} of {@code pointsPaid}, never more than what was paid, rounded with the program's rounding. */
    static long pointsBack(BigDecimal percent, long pointsPaid, ProgramPolicy policy) {
        if (percent.signum() <= 0 || pointsPaid <= 0) {
            return 0;
        }
        return Math.min(pointsPaid, PointsCalculator.round(BigDecimal.valueOf(pointsPaid)
                .multiply(percent.movePointLeft(2)), policy));
    }
}
