package io.jifen.engine.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an item costs this member now: {@code pointsPrice} and {@code cashPart} are the main price
 * after every discount; {@code options} lists alternative points-plus-cash payments.
 * {@code listPoints} is the base price or, when a PRICE-phase rule set one, the lowest list price.
 */
public record PriceQuote(String programId, String sku, long basePoints, long listPoints, String listPriceRule,
                         long pointsPrice, BigDecimal cashPart, List<AppliedDiscount> discounts,
                         List<PaymentOption> options, List<FiredRule> firedRules) {
    public PriceQuote {
        discounts = List.copyOf(discounts);
        options = List.copyOf(options);
        firedRules = List.copyOf(firedRules);
    }
}
