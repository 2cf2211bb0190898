package io.jifen.rules.bench;

import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The purchases every purchase benchmark evaluates: a fixed, seeded set of realistic baskets for
 * the reference program (Asia/Shanghai, CNY). 1–5 lines in mixed categories (including the
 * excluded tobacco / gift cards and the household / wine / electronics rates), members in every
 * tier with rolling spend on both sides of the tier thresholds, about a quarter on member day (the
 * 10th), about half inside the year-end campaign window (2026-11-01..12-31) with totals reaching the
 * 500 / 1000 / 2000 thresholds, and a few large enough to hit the 20000-point cap.
 */
public final class BenchPurchases {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int SIZE = 64;

    private static final String[] CATEGORIES = {
            "grocery", "grocery", "fresh", "household", "household", "imported-wine", "electronics",
            "tobacco", "gift-card", "dairy"};
    private static final String[] TIERS = {"REGULAR", "REGULAR", "SILVER", "GOLD", ""};
    private static final BigDecimal[] ROLLING = {
            BigDecimal.ZERO, new BigDecimal("1200.50"), new BigDecimal("4800.00"), new BigDecimal("9000.00"),
            new BigDecimal("19500.00"), new BigDecimal("35000.00")};

    /** One purchase with the context it is evaluated in. */
    public record Case(EvaluationContext context, Purchase purchase) {
    }

    private BenchPurchases() {
    }

    public static List<Case> cases() {
        SplittableRandom random = new SplittableRandom(20261110L);
        List<Case> cases = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            LocalDateTime at = date(i, random);
            int lineCount = 1 + random.nextInt(5);
            // every 8th basket is big (campaign thresholds, cap); others are everyday baskets
            boolean big = i % 8 == 3 || i % 8 == 6;
            boolean huge = i % 32 == 11;
            List<LineItem> lines = new ArrayList<>(lineCount);
            BigDecimal total = BigDecimal.ZERO;
            for (int l = 0; l < lineCount; l++) {
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                int quantity = 1 + random.nextInt(3);
                long cents = huge ? 800_000 + random.nextInt(500_000)
                        : big ? 20_000 + random.nextInt(150_000) : 500 + random.nextInt(12_000);
                BigDecimal unit = BigDecimal.valueOf(cents, 2);
                BigDecimal amount = unit.multiply(BigDecimal.valueOf(quantity));
                lines.add(new LineItem("SKU-" + i + "-" + l, category, quantity, unit, amount));
                total = total.add(amount);
            }
            Member member = new Member("member-" + i, TIERS[i % TIERS.length], Member.ACTIVE,
                    LocalDate.of(2024, 1 + i % 12, 1), null, Map.of());
            MemberActivity activity = new MemberActivity(ROLLING[i % ROLLING.length], ROLLING[i % ROLLING.length],
                    0, 0, Map.of(), Map.of());
            Purchase purchase = new Purchase("P-" + i, at.atZone(ZONE).toInstant(), ZONE, i % 3 == 0 ? "app" : "store",
                    "store-" + (i % 5), total, "CNY", lines);
            cases.add(new Case(new EvaluationContext(ZONE, ProgramPolicy.DEFAULT, member, activity), purchase));
        }
        return List.copyOf(cases);
    }

    /** A quarter on the 10th (half of those in the campaign), about half in the campaign window. */
    private static LocalDateTime date(int i, SplittableRandom random) {
        LocalTime time = LocalTime.of(8 + random.nextInt(14), random.nextInt(60));
        return switch (i % 4) {
            case 0 -> LocalDate.of(2026, i % 8 == 0 ? 11 : 3, 10).atTime(time);      // member day
            case 1 -> LocalDate.of(2026, 11, 1 + random.nextInt(30)).atTime(time);    // campaign
            case 2 -> LocalDate.of(2026, 12, 11 + random.nextInt(21)).atTime(time);   // campaign
            default -> LocalDate.of(2026, 1 + random.nextInt(10), 11 + random.nextInt(17)).atTime(time);
        };
    }
}
