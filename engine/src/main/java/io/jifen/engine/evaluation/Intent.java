package io.jifen.engine.evaluation;

import io.jifen.engine.facts.LineItem;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a rule's consequence asked for. Rules only state intents; the engine turns them into
 * points, tiers and prices afterwards ({@link PointsCalculator}, {@link PriceCalculator}), so the
 * arithmetic and rounding are the same whatever order the rules fired in.
 */
public sealed interface Intent {

    /** The phase a rule must be in to state this intent. */
    Phase phase();

    /** What the intent is, for error messages. */
    String description();

    /** Earn {@code points} per {@code unit} of currency on the purchase's eligible spend. */
    record BaseRate(BigDecimal points, BigDecimal unit, String reason) implements Intent {
        public Phase phase() {
            return Phase.BASE;
        }

        public String description() {
            return "a base rate";
        }

        public BigDecimal perCurrencyUnit() {
            return points.divide(unit, MathContext.DECIMAL64);
        }
    }

    /** The line earns nothing. */
    record ExcludeLine(LineItem line, String reason) implements Intent {
        public Phase phase() {
            return Phase.BASE;
        }

        public String description() {
            return "excluding a line";
        }
    }

    /** The line earns {@code factor} times the base rate (the extra part is a CATEGORY award). */
    record LineMultiplier(LineItem line, BigDecimal factor, String reason) implements Intent {
        public Phase phase() {
            return Phase.BASE;
        }

        public String description() {
            return "a line multiplier";
        }
    }

    /** Multiply the base points of the evaluation (tier, member day, ...). */
    record Multiplier(BigDecimal factor, String family, String reason) implements Intent {
        public Phase phase() {
            return Phase.MULTIPLIER;
        }

        public String description() {
            return "a multiplier";
        }
    }

    /** A fixed number of points (threshold bonus, task). */
    record Bonus(long points, String family, String reason) implements Intent {
        public Phase phase() {
            return Phase.BONUS;
        }

        public String description() {
            return "a bonus";
        }
    }

    /** At most this many points in total for the evaluation. */
    record CapTotal(long points, String reason) implements Intent {
        public Phase phase() {
            return Phase.CAP;
        }

        public String description() {
            return "a cap";
        }
    }

    /** The member's tier should be this. */
    record AssignTier(String tier, String reason) implements Intent {
        public Phase phase() {
            return Phase.TIER;
        }

        public String description() {
            return "a tier decision";
        }
    }

    /** The item's points price before discounts (lowest list price wins). */
    record ListPrice(long points, String reason) implements Intent {
        public Phase phase() {
            return Phase.PRICE;
        }

        public String description() {
            return "a list price";
        }
    }

    /** A percentage off the points price. */
    record Discount(BigDecimal percent, String family, String reason) implements Intent {
        public Phase phase() {
            return Phase.DISCOUNT;
        }

        public String description() {
            return "a discount";
        }
    }

    /** An alternative payment: this many points plus this much cash. */
    record PointsPlusCash(long points, BigDecimal cash, String reason) implements Intent {
        public Phase phase() {
            return Phase.PAYMENT;
        }

        public String description() {
            return "a points-plus-cash option";
        }
    }

    /** An alternative payment: this share of the list price in points plus the item's cash price. */
    record PointsShareWithCash(BigDecimal share, String reason) implements Intent {
        public Phase phase() {
            return Phase.PAYMENT;
        }

        public String description() {
            return "a points-plus-cash option";
        }
    }

    /** Give back {@code percent} of the points paid for a redemption as points. */
    record PointsBack(BigDecimal percent, String family, String reason) implements Intent {
        public Phase phase() {
            return Phase.REWARD;
        }

        public String description() {
            return "points back";
        }
    }
}
