package io.jifen.admin.merchant;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Points are valid through the last day of their validity; these are the days they are gone. */
class ExpiryRuleTest {
    private static final LocalDate EARNED = LocalDate.of(2026, 3, 10);

    @Test
    void eachRuleEndsOnItsDay() {
        assertThat(ExpiryRule.ROLLING_MONTHS.firstDayAfter(EARNED, 12)).isEqualTo(LocalDate.of(2027, 3, 11));
        assertThat(ExpiryRule.END_OF_MONTH_AFTER_MONTHS.firstDayAfter(EARNED, 12)).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(ExpiryRule.END_OF_YEAR_AFTER_MONTHS.firstDayAfter(EARNED, 12)).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void neverAndNoMonthsNeverExpire() {
        assertThat(ExpiryRule.NEVER.firstDayAfter(EARNED, 12)).isNull();
        assertThat(ExpiryRule.ROLLING_MONTHS.firstDayAfter(EARNED, null)).isNull();
    }

    @Test
    void aMonthEndStaysInItsMonth() {
        // 31 January + 1 month is 28 February (2027 is no leap year): valid through it, gone on 1 March
        assertThat(ExpiryRule.ROLLING_MONTHS.firstDayAfter(LocalDate.of(2026, 1, 31), 13)).isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
