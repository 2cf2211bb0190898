package io.jifen.engine.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an item costs this member now: {@code pointsPrice} and {@code cashPart} are the main price
 * after every discount; {@code options} lists alternative points-plus-cash payments.
 * {@code listPoints} is the base price or, when a PRICE-phase rule set one, the lowest list price.
 * {@code pointsBack}: what REWARD-phase rules give back on the main price. {@code withheld}: rules of a
 * campaign that does not apply to the member now, which therefore changed nothing.
 */
public record PriceQuote(String programId, String sku, long basePoints, long listPoints, String listPriceRule,
                         long pointsPrice, BigDecimal cashPart, List<AppliedDiscount> discounts,
                         List<PaymentOption> options, List<PointsBack> pointsBack, List<FiredRule> firedRules,
                         ProgramPolicy policy, List<WithheldRule> withheld) {
    public PriceQuote {
        withheld = List.copyOf(withheld);
        discounts = List.copyOf(discounts);
        options = List.copyOf(options);
        pointsBack = List.copyOf(pointsBack);
        firedRules = List.copyOf(firedRules);
    }

    /** Points given back on the main price. */
    public long totalPointsBack() {
        return pointsBack.stream().mapToLong(PointsBack::points).sum();
    }

    /**
     * Points given back when {@code pointsPaid} were paid (another payment option): the percents
     * added up and applied once, rounded with the program's rounding.
     */
    public long pointsBackOn(long pointsPaid) {
        return PriceCalculator.pointsBack(pointsBack.stream().map(PointsBack::percent)
                .reduce(BigDecimal.ZERO, BigDecimal::add), pointsPaid, policy);
    }
}
