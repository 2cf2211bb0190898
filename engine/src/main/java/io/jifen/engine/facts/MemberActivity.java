package io.jifen.engine.facts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The member's history before the transaction being evaluated. Counts and sums never include
 * that transaction, with one exception made for tier rules: {@link #getQualifyingSpend()} adds the
 * purchase under evaluation, so an upgrade takes effect on the purchase that earns it.
 */
public final class MemberActivity {
    private final BigDecimal rolling12MonthSpend;
    private final BigDecimal spendThisYear;
    private final long pointsEarnedToday;
    private final long pointsEarnedThisMonth;
    private final Map<String, Integer> eventsToday;
    private final Map<String, Integer> eventsThisMonth;
    private final BigDecimal spendUnderEvaluation;

    public MemberActivity(BigDecimal rolling12MonthSpend, BigDecimal spendThisYear, long pointsEarnedToday,
                          long pointsEarnedThisMonth, Map<String, Integer> eventsToday,
                          Map<String, Integer> eventsThisMonth) {
        this(rolling12MonthSpend, spendThisYear, pointsEarnedToday, pointsEarnedThisMonth, eventsToday,
                eventsThisMonth, BigDecimal.ZERO);
    }

    private MemberActivity(BigDecimal rolling12MonthSpend, BigDecimal spendThisYear, long pointsEarnedToday,
                           long pointsEarnedThisMonth, Map<String, Integer> eventsToday,
                           Map<String, Integer> eventsThisMonth, BigDecimal spendUnderEvaluation) {
        this.rolling12MonthSpend = rolling12MonthSpend == null ? BigDecimal.ZERO : rolling12MonthSpend;
        this.spendThisYear = spendThisYear == null ? BigDecimal.ZERO : spendThisYear;
        this.pointsEarnedToday = pointsEarnedToday;
        this.pointsEarnedThisMonth = pointsEarnedThisMonth;
        this.eventsToday = Map.copyOf(eventsToday == null ? Map.of() : eventsToday);
        this.eventsThisMonth = Map.copyOf(eventsThisMonth == null ? Map.of() : eventsThisMonth);
        this.spendUnderEvaluation = spendUnderEvaluation;
    }

    /** A member with no history at all. */
    public static MemberActivity none() {
        return new MemberActivity(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, Map.of(), Map.of());
    }

    /** The same history, with a purchase under evaluation counted in {@link #getQualifyingSpend()}. */
    public MemberActivity withSpendUnderEvaluation(BigDecimal amount) {
        return new MemberActivity(rolling12MonthSpend, spendThisYear, pointsEarnedToday, pointsEarnedThisMonth,
                eventsToday, eventsThisMonth, amount == null ? BigDecimal.ZERO : amount);
    }

    public BigDecimal getRolling12MonthSpend() { return rolling12MonthSpend; }
    public BigDecimal getSpendThisYear() { return spendThisYear; }
    public long getPointsEarnedToday() { return pointsEarnedToday; }
    public long getPointsEarnedThisMonth() { return pointsEarnedThisMonth; }
    public Map<String, Integer> getEventsToday() { return eventsToday; }
    public Map<String, Integer> getEventsThisMonth() { return eventsThisMonth; }

    /** Rolling 12-month spend plus the purchase under evaluation, if any: what tier rules qualify on. */
    public BigDecimal getQualifyingSpend() { return rolling12MonthSpend.add(spendUnderEvaluation); }

    /** Events of this type already recorded today (merchant-local), not counting the one under evaluation. */
    public int eventsToday(String type) { return eventsToday.getOrDefault(type, 0); }

    public int eventsThisMonth(String type) { return eventsThisMonth.getOrDefault(type, 0); }
}
