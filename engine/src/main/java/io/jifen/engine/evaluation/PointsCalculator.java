package io.jifen.engine.evaluation;

import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the intents of an earning evaluation into awards, in phase order:
 * <ol>
 *   <li>BASE: each base-rate rule earns rate × eligible spend (lines not excluded); each line
 *       multiplier earns the extra (factor − 1) × total base rate × line amount as a CATEGORY award.</li>
 *   <li>MULTIPLIER: on B = base + category points; ADDITIVE adds B × (factor − 1) per multiplier,
 *       COMPOUND adds B × (Π factors − 1) in total, rounded once.</li>
 *   <li>BONUS: fixed points.</li>
 *   <li>CAP: when the total exceeds the lowest cap, a negative CAP award cuts it back.</li>
 * </ol>
 * Every award is rounded on its own with the program's rounding mode; the total is the sum of the
 * rounded awards, so a statement always adds up.
 */
public final class PointsCalculator {
    private PointsCalculator() {
    }

    public record Points(long total, List<Award> awards, List<LineNote> lineNotes) {
    }

    /**
     * The most points one evaluation may award after its caps (what the API accepts as points).
     * Before the caps, awards may be larger (a cap cuts them back), as long as a {@code long} holds
     * every award and every sum: exact arithmetic, never a silent wrap-around.
     */
    public static final long MAX_POINTS = 1_000_000_000_000L;

    public static Points calculate(List<RecordedIntent> intents, Purchase purchase, ProgramPolicy policy) {
        List<Award> awards = new ArrayList<>();
        List<LineNote> notes = new ArrayList<>();
        Set<LineItem> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.ExcludeLine ex) {
                excluded.add(ex.line());
                notes.add(new LineNote(r.rule(), ex.line().getSku(), "EXCLUDED", BigDecimal.ZERO, ex.reason()));
            }
        }
        BigDecimal eligibleSpend = BigDecimal.ZERO;
        if (purchase != null) {
            for (LineItem line : purchase.getLines()) {
                if (!excluded.contains(line)) {
                    eligibleSpend = eligibleSpend.add(line.getAmount());
                }
            }
            if (purchase.getLines().isEmpty()) {
                eligibleSpend = purchase.getTotal();
            }
        }

        BigDecimal ratePerUnit = BigDecimal.ZERO;
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.BaseRate rate) {
                ratePerUnit = ratePerUnit.add(rate.perCurrencyUnit());
                awards.add(award(r, "BASE", round(rate.perCurrencyUnit().multiply(eligibleSpend), policy), rate.reason()));
            }
        }

        Map<String, BigDecimal> extraByRule = new LinkedHashMap<>();
        Map<String, RecordedIntent> firstByRule = new LinkedHashMap<>();
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.LineMultiplier m) {
                notes.add(new LineNote(r.rule(), m.line().getSku(), "MULTIPLIED", m.factor(), m.reason()));
                firstByRule.putIfAbsent(r.rule(), r);
                BigDecimal extra = excluded.contains(m.line()) ? BigDecimal.ZERO
                        : ratePerUnit.multiply(m.line().getAmount()).multiply(m.factor().subtract(BigDecimal.ONE));
                extraByRule.merge(r.rule(), extra, BigDecimal::add);
            }
        }
        extraByRule.forEach((rule, extra) -> {
            RecordedIntent first = firstByRule.get(rule);
            awards.add(award(first, "CATEGORY", round(extra, policy), ((Intent.LineMultiplier) first.intent()).reason()));
        });

        long basePoints = Math.max(0, sum(awards));
        BigDecimal base = BigDecimal.valueOf(basePoints);
        List<RecordedIntent> multipliers = intents.stream().filter(r -> r.intent() instanceof Intent.Multiplier).toList();
        if (policy.stacking() == ProgramPolicy.MultiplierStacking.ADDITIVE) {
            for (RecordedIntent r : multipliers) {
                Intent.Multiplier m = (Intent.Multiplier) r.intent();
                awards.add(award(r, m.family(), round(base.multiply(m.factor().subtract(BigDecimal.ONE)), policy), m.reason()));
            }
        } else {
            // COMPOUND: the total extra is B × (Π f − 1) rounded once, so it does not depend on firing
            // order; each multiplier shows its step, the last one taking the rounding remainder.
            BigDecimal product = BigDecimal.ONE;
            for (RecordedIntent r : multipliers) {
                product = product.multiply(((Intent.Multiplier) r.intent()).factor(), MathContext.DECIMAL64);
            }
            long totalExtra = round(base.multiply(product.subtract(BigDecimal.ONE)), policy);
            BigDecimal before = BigDecimal.ONE;
            long given = 0;
            for (int i = 0; i < multipliers.size(); i++) {
                RecordedIntent r = multipliers.get(i);
                Intent.Multiplier m = (Intent.Multiplier) r.intent();
                BigDecimal after = before.multiply(m.factor(), MathContext.DECIMAL64);
                long extra = i == multipliers.size() - 1 ? totalExtra - given
                        : round(base.multiply(after.subtract(before)), policy);
                given += extra;
                before = after;
                awards.add(award(r, m.family(), extra, m.reason()));
            }
        }
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.Bonus b) {
                awards.add(award(r, b.family(), b.points(), b.reason()));
            }
        }
        long total = sum(awards);
        RecordedIntent lowestCap = null;
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.CapTotal cap
                    && (lowestCap == null || cap.points() < ((Intent.CapTotal) lowestCap.intent()).points())) {
                lowestCap = r;
            }
        }
        if (lowestCap != null) {
            Intent.CapTotal cap = (Intent.CapTotal) lowestCap.intent();
            if (total > cap.points()) {
                long cut = total - cap.points();
                awards.add(award(lowestCap, "CAP", -cut, cap.reason() + " (" + cut + " points over the cap of "
                        + cap.points() + ")"));
                total = cap.points();
            }
        }
        if (Math.abs(total) > MAX_POINTS) {
            throw new PointsOutOfRange(awards.size() == 1 ? awards.get(0).rule() : null);
        }
        return new Points(total, awards, notes);
    }

    private static Award award(RecordedIntent r, String family, long points, String reason) {
        return new Award(r.rule(), r.phase(), family, points, reason, r.campaign());
    }

    static long round(BigDecimal value, ProgramPolicy policy) {
        try {
            return value.setScale(0, policy.rounding()).longValueExact();
        } catch (ArithmeticException e) {
            throw new PointsOutOfRange(null);
        }
    }

    private static long sum(List<Award> awards) {
        try {
            return awards.stream().mapToLong(Award::points).reduce(0, Math::addExact);
        } catch (ArithmeticException e) {
            throw new PointsOutOfRange(null);
        }
    }
}
