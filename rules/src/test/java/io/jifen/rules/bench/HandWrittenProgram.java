package io.jifen.rules.bench;

import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The earning part of the reference program written by hand in plain Java: what the rule files in
 * {@code rules/src/main/resources/io/jifen/rules/reference} say about a purchase, with the engine's
 * arithmetic ({@code PointsCalculator}: each award rounded on its own, multipliers added on base +
 * category points), and nothing else — no explanation, no input checks, no tier decision. It is the
 * practical upper limit a rule engine can be compared with; {@code HandWrittenProgramMatchesTheRulesTest}
 * proves it gives the engine's total on every purchase scenario of the reference suites.
 *
 * <ul>
 *   <li>earning.drl: 1 point per yuan of eligible spend; tobacco and gift-card lines are not eligible;
 *       at most 20000 points per purchase.</li>
 *   <li>category-rates.csv: household 2x, imported-wine 1.5x, electronics 0.5x per line: the extra
 *       (factor − 1) × rate × line amount, summed per rule, then rounded.</li>
 *   <li>tier-multipliers.dslr: SILVER 1.5x, GOLD 2x on base + category points (the member's current tier).</li>
 *   <li>member-day.dslr: 2x on the 10th, merchant-local.</li>
 *   <li>spend-threshold.xlsx: 2026-11-01..12-31 merchant-local, Purchase.total ≥ 2000 +600, else ≥ 1000
 *       +250, else ≥ 500 +100.</li>
 * </ul>
 */
public final class HandWrittenProgram {
    private static final BigDecimal HOUSEHOLD = new BigDecimal("2");
    private static final BigDecimal IMPORTED_WINE = new BigDecimal("1.5");
    private static final BigDecimal ELECTRONICS = new BigDecimal("0.5");
    private static final BigDecimal SILVER = new BigDecimal("1.5");
    private static final BigDecimal GOLD = new BigDecimal("2");
    private static final BigDecimal MEMBER_DAY = new BigDecimal("2");
    private static final BigDecimal T500 = BigDecimal.valueOf(500);
    private static final BigDecimal T1000 = BigDecimal.valueOf(1000);
    private static final BigDecimal T2000 = BigDecimal.valueOf(2000);
    private static final LocalDate CAMPAIGN_FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate CAMPAIGN_TO = LocalDate.of(2026, 12, 31);
    private static final long CAP = 20000;

    private HandWrittenProgram() {
    }

    /** Total points of a valid purchase (the engine's {@code EarningOutcome.totalPoints()}). */
    public static long totalPoints(EvaluationContext context, Purchase purchase) {
        ProgramPolicy policy = context.policy();
        if (policy.stacking() != ProgramPolicy.MultiplierStacking.ADDITIVE) {
            throw new UnsupportedOperationException("the hand-written program stacks multipliers additively only");
        }
        RoundingMode rounding = policy.rounding();
        List<LineItem> lines = purchase.getLines();

        // base phase: eligible spend and the category extras (rate is 1 point per yuan)
        BigDecimal eligible = BigDecimal.ZERO;
        BigDecimal household = null;
        BigDecimal wine = null;
        BigDecimal electronics = null;
        for (int i = 0, n = lines.size(); i < n; i++) {
            LineItem line = lines.get(i);
            String category = line.getCategory();
            if (category.equals("tobacco") || category.equals("gift-card")) {
                continue;
            }
            BigDecimal amount = line.getAmount();
            eligible = eligible.add(amount);
            switch (category) {
                case "household" -> household = add(household, amount.multiply(HOUSEHOLD.subtract(BigDecimal.ONE)));
                case "imported-wine" -> wine = add(wine, amount.multiply(IMPORTED_WINE.subtract(BigDecimal.ONE)));
                case "electronics" -> electronics = add(electronics, amount.multiply(ELECTRONICS.subtract(BigDecimal.ONE)));
                default -> { }
            }
        }
        if (lines.isEmpty()) {
            eligible = purchase.getTotal();
        }
        long base = round(eligible, rounding);
        if (household != null) {
            base += round(household, rounding);
        }
        if (wine != null) {
            base += round(wine, rounding);
        }
        if (electronics != null) {
            base += round(electronics, rounding);
        }
        long total = base;

        // multiplier phase: additive extras on base + category points (never below zero)
        BigDecimal b = BigDecimal.valueOf(Math.max(0, base));
        String tier = context.member().getTier();
        if (tier.equals("SILVER")) {
            total += round(b.multiply(SILVER.subtract(BigDecimal.ONE)), rounding);
        } else if (tier.equals("GOLD")) {
            total += round(b.multiply(GOLD.subtract(BigDecimal.ONE)), rounding);
        }
        LocalDate day = LocalDateTime.ofInstant(purchase.getOccurredAt(), context.zone()).toLocalDate();
        if (day.getDayOfMonth() == 10) {
            total += round(b.multiply(MEMBER_DAY.subtract(BigDecimal.ONE)), rounding);
        }

        // bonus phase: the highest spend threshold reached in the campaign window
        if (!day.isBefore(CAMPAIGN_FROM) && !day.isAfter(CAMPAIGN_TO)) {
            BigDecimal paid = purchase.getTotal();
            if (paid.compareTo(T2000) >= 0) {
                total += 600;
            } else if (paid.compareTo(T1000) >= 0) {
                total += 250;
            } else if (paid.compareTo(T500) >= 0) {
                total += 100;
            }
        }

        // cap phase
        return Math.min(total, CAP);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return sum == null ? value : sum.add(value);
    }

    private static long round(BigDecimal value, RoundingMode rounding) {
        return value.setScale(0, rounding).longValueExact();
    }
}
