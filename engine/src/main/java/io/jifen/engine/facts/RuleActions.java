package io.jifen.engine.facts;

import io.jifen.engine.evaluation.Intent;
import io.jifen.engine.evaluation.IntentSink;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * What a rule's consequence may decide. Every rule file declares {@code global RuleActions actions;}
 * and calls these methods; the engine records which rule called them, so every point traces back to
 * a rule and a reason. Arguments are checked here: a negative bonus or a blank reason fails the
 * evaluation with the rule's name instead of posting nonsense.
 */
public final class RuleActions {
    private final IntentSink sink;

    public RuleActions(IntentSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    // ---- earning: base phase ----

    /** Earn {@code points} for every {@code unit} of currency of eligible spend (e.g. 1 per 10 yuan). */
    public void pointsPerUnit(Number points, Number unit, String reason) {
        BigDecimal p = nonNegative(points, "points");
        BigDecimal u = decimal(unit, "unit");
        if (u.signum() <= 0) {
            throw new IllegalArgumentException("unit must be positive, was " + unit);
        }
        sink.accept(new Intent.BaseRate(p, u, reason(reason)));
    }

    /** This line earns no points at all (e.g. tobacco, gift cards). */
    public void excludeLine(LineItem line, String reason) {
        sink.accept(new Intent.ExcludeLine(Objects.requireNonNull(line, "line"), reason(reason)));
    }

    /** This line earns {@code factor} times the base rate (2 for high-margin goods, 0.5 for low-margin). */
    public void lineMultiplier(LineItem line, Number factor, String reason) {
        sink.accept(new Intent.LineMultiplier(Objects.requireNonNull(line, "line"), nonNegative(factor, "factor"),
                reason(reason)));
    }

    // ---- earning: multiplier phase ----

    /** Multiply the base points by {@code factor}; {@code family} is e.g. TIER or MEMBER_DAY. */
    public void multiplier(Number factor, String family, String reason) {
        BigDecimal f = decimal(factor, "factor");
        if (f.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("a multiplier must be at least 1, was " + factor);
        }
        sink.accept(new Intent.Multiplier(f, family(family), reason(reason)));
    }

    // ---- earning: bonus phase ----

    /** A fixed number of points; {@code family} is e.g. THRESHOLD or TASK. */
    public void bonus(long points, String family, String reason) {
        if (points < 0) {
            throw new IllegalArgumentException("bonus points must not be negative, was " + points);
        }
        sink.accept(new Intent.Bonus(points, family(family), reason(reason)));
    }

    // ---- earning: cap phase ----

    /** This evaluation awards at most {@code points} in total; the cut is recorded as a CAP award. */
    public void capTotal(long points, String reason) {
        if (points < 0) {
            throw new IllegalArgumentException("a cap must not be negative, was " + points);
        }
        sink.accept(new Intent.CapTotal(points, reason(reason)));
    }

    // ---- tier phase ----

    /** The member belongs in this tier. */
    public void assignTier(String tier, String reason) {
        if (tier == null || tier.isBlank()) {
            throw new IllegalArgumentException("tier must not be blank");
        }
        sink.accept(new Intent.AssignTier(tier, reason(reason)));
    }

    // ---- pricing phases ----

    /** The item's points price before discounts; when several rules set one, the lowest wins. */
    public void listPrice(long points, String reason) {
        if (points < 0) {
            throw new IllegalArgumentException("a price must not be negative, was " + points);
        }
        sink.accept(new Intent.ListPrice(points, reason(reason)));
    }

    /** Take {@code percent} (0 < percent ≤ 100) off the points price; {@code family} e.g. TIER_DISCOUNT. */
    public void discount(Number percent, String family, String reason) {
        BigDecimal p = decimal(percent, "percent");
        if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a discount must be more than 0 and at most 100 percent, was " + percent);
        }
        sink.accept(new Intent.Discount(p, family(family), reason(reason)));
    }

    /** Offer the item for {@code points} points plus {@code cash} in the merchant's currency. */
    public void pointsPlusCash(long points, Number cash, String reason) {
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative, was " + points);
        }
        sink.accept(new Intent.PointsPlusCash(points, nonNegative(cash, "cash"), reason(reason)));
    }

    /**
     * Offer the item for {@code share} of its list price in points (rounded with the program's
     * rounding) plus the item's cash price (zero when it has none): 0.5 = half the points plus cash.
     */
    public void pointsShareWithCash(Number share, String reason) {
        BigDecimal s = decimal(share, "share");
        if (s.signum() < 0 || s.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("share must be between 0 and 1, was " + share);
        }
        sink.accept(new Intent.PointsShareWithCash(s, reason(reason)));
    }

    /**
     * Give back {@code percent} (0 < percent ≤ 100) of the points paid for a redemption as points;
     * {@code family} e.g. POINTS_BACK. Several such rules add up (a campaign can double a standing rate).
     */
    public void pointsBack(Number percent, String family, String reason) {
        BigDecimal p = decimal(percent, "percent");
        if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("points back must be more than 0 and at most 100 percent, was " + percent);
        }
        sink.accept(new Intent.PointsBack(p, family(family), reason(reason)));
    }

    private static BigDecimal decimal(Number n, String name) {
        if (n == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        // toString keeps 1.5 as 1.5; new BigDecimal(1.5d) would be exact binary noise for 0.1
        return new BigDecimal(n.toString());
    }

    private static BigDecimal nonNegative(Number n, String name) {
        BigDecimal d = decimal(n, name);
        if (d.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + n);
        }
        return d;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("every decision needs a reason");
        }
        return reason;
    }

    private static String family(String family) {
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("family must not be blank");
        }
        return family.toUpperCase(Locale.ROOT);
    }
}
