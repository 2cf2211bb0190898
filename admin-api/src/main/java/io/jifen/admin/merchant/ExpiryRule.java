package io.jifen.admin.merchant;

import java.time.LocalDate;

/**
 * When earned points expire (the points policy's {@code expiry.rule}); stored in
 * {@code merchant.expiry_policy}. Points are valid through the last day: ROLLING_MONTHS 12 earned on
 * 10 March 2026 expire at the start of 11 March 2027; END_OF_MONTH_AFTER_MONTHS 12 at the start of
 * 1 April 2027; END_OF_YEAR_AFTER_MONTHS 12 at the start of 1 January 2028.
 */
public enum ExpiryRule {
    NEVER, ROLLING_MONTHS, END_OF_MONTH_AFTER_MONTHS, END_OF_YEAR_AFTER_MONTHS;

    /** The request's pattern: annotation values must be constants, ExpiryRuleTest holds it to the names. */
    public static final String PATTERN = "NEVER|ROLLING_MONTHS|END_OF_MONTH_AFTER_MONTHS|END_OF_YEAR_AFTER_MONTHS";

    /** The first merchant-local day on which points earned on {@code earnedOn} are gone; null when they never expire. */
    public LocalDate firstDayAfter(LocalDate earnedOn, Integer months) {
        if (this == NEVER || months == null) {
            return null;
        }
        LocalDate later = earnedOn.plusMonths(months);
        return switch (this) {
            case ROLLING_MONTHS -> later.plusDays(1);
            case END_OF_MONTH_AFTER_MONTHS -> later.withDayOfMonth(1).plusMonths(1);
            case END_OF_YEAR_AFTER_MONTHS -> later.withDayOfYear(1).plusYears(1);
            case NEVER -> null;
        };
    }
}
