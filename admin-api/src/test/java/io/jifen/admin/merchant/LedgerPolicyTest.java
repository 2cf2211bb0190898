package io.jifen.admin.merchant;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When points expire and other arithmetic of the merchant's points policy (docs/ledger.md, "Expiry"):
 * points are valid through their last day and expire at the start of the next, merchant-local.
 */
class LedgerPolicyTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai"); // UTC+8 all year: no daylight saving
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate TENTH_OF_MARCH_2026 = LocalDate.of(2026, 3, 10);

    private static LedgerPolicy expiring(ExpiryRule rule, Integer months, ZoneId zone) {
        return new LedgerPolicy(zone, rule, months, 0, null, null, LedgerPolicy.Shortfall.TAKE_AVAILABLE, false, null,
                null, List.of(), 12, List.of());
    }

    private static Instant startOf(int year, int month, int day, ZoneId zone) {
        return LocalDate.of(year, month, day).atStartOfDay(zone).toInstant();
    }

    @Test
    void rollingMonthsExpireTheDayAfterTheSameDateMonthsLater() {
        assertThat(expiring(ExpiryRule.ROLLING_MONTHS, 12, SHANGHAI).expiresAt(TENTH_OF_MARCH_2026))
                .isEqualTo(startOf(2027, 3, 11, SHANGHAI));
    }

    @Test
    void endOfMonthAfterMonthsExpireOnTheFirstOfTheFollowingMonth() {
        assertThat(expiring(ExpiryRule.END_OF_MONTH_AFTER_MONTHS, 12, SHANGHAI).expiresAt(TENTH_OF_MARCH_2026))
                .isEqualTo(startOf(2027, 4, 1, SHANGHAI));
    }

    @Test
    void endOfYearAfterMonthsExpireOnTheFirstOfJanuaryOfTheFollowingYear() {
        assertThat(expiring(ExpiryRule.END_OF_YEAR_AFTER_MONTHS, 12, SHANGHAI).expiresAt(TENTH_OF_MARCH_2026))
                .isEqualTo(startOf(2028, 1, 1, SHANGHAI));
    }

    @Test
    void neverExpiringPointsHaveNoExpiry() {
        assertThat(expiring(ExpiryRule.NEVER, 12, SHANGHAI).expiresAt(TENTH_OF_MARCH_2026)).isNull();
        assertThat(expiring(null, 12, SHANGHAI).expiresAt(TENTH_OF_MARCH_2026)).isNull();
        assertThat(expiring(ExpiryRule.ROLLING_MONTHS, null, SHANGHAI).expiresAt(TENTH_OF_MARCH_2026)).isNull();
    }

    @Test
    void aRollingMonthFromTheThirtyFirstEndsOnTheLastDayOfAShorterMonth() {
        // 31 January + 1 month is 28 February (2026 is not a leap year): valid through it, expired on 1 March
        assertThat(expiring(ExpiryRule.ROLLING_MONTHS, 1, SHANGHAI).expiresAt(LocalDate.of(2026, 1, 31)))
                .isEqualTo(startOf(2026, 3, 1, SHANGHAI));
        // 31 January 2028 + 1 month is 29 February in a leap year
        assertThat(expiring(ExpiryRule.ROLLING_MONTHS, 1, SHANGHAI).expiresAt(LocalDate.of(2028, 1, 31)))
                .isEqualTo(startOf(2028, 3, 1, SHANGHAI));
    }

    @Test
    void pointsEarnedOnTheTwentyNinthOfFebruaryRollToTheTwentyEighthInCommonYears() {
        assertThat(expiring(ExpiryRule.ROLLING_MONTHS, 12, SHANGHAI).expiresAt(LocalDate.of(2028, 2, 29)))
                .isEqualTo(startOf(2029, 3, 1, SHANGHAI));
    }

    @Test
    void endOfMonthRulesCountFromTheMonthWhateverTheDay() {
        LedgerPolicy policy = expiring(ExpiryRule.END_OF_MONTH_AFTER_MONTHS, 1, SHANGHAI);
        assertThat(policy.expiresAt(LocalDate.of(2026, 1, 1))).isEqualTo(startOf(2026, 3, 1, SHANGHAI));
        assertThat(policy.expiresAt(LocalDate.of(2026, 1, 31))).isEqualTo(startOf(2026, 3, 1, SHANGHAI));
    }

    @Test
    void endOfYearRulesCarryAcrossTheYearEnd() {
        assertThat(expiring(ExpiryRule.END_OF_YEAR_AFTER_MONTHS, 1, SHANGHAI).expiresAt(LocalDate.of(2026, 12, 31)))
                .isEqualTo(startOf(2028, 1, 1, SHANGHAI));
        assertThat(expiring(ExpiryRule.END_OF_YEAR_AFTER_MONTHS, 1, SHANGHAI).expiresAt(LocalDate.of(2026, 11, 30)))
                .isEqualTo(startOf(2027, 1, 1, SHANGHAI));
    }

    @Test
    void expiryIsMidnightInTheMerchantsZoneNotInUtc() {
        // Shanghai keeps UTC+8 all year, so its midnight is always 16:00 UTC the day before
        assertThat(expiring(ExpiryRule.ROLLING_MONTHS, 12, SHANGHAI).expiresAt(TENTH_OF_MARCH_2026))
                .isEqualTo(Instant.parse("2027-03-10T16:00:00Z"));
    }

    @Test
    void expiryTakesTheOffsetOfTheExpiryDayWhereDaylightSavingChangesIt() {
        // earned in winter (UTC-5), expires in summer (UTC-4): midnight of the expiry day is 04:00 UTC
        Instant expiry = expiring(ExpiryRule.ROLLING_MONTHS, 6, NEW_YORK).expiresAt(LocalDate.of(2026, 1, 15));
        assertThat(expiry).isEqualTo(Instant.parse("2026-07-16T04:00:00Z"));
        assertThat(ZonedDateTime.ofInstant(expiry, NEW_YORK).toLocalTime().toSecondOfDay()).isZero();
    }

    @Test
    void theEarningDayIsTheMerchantLocalDay() {
        // 17:00 UTC on 10 March is 01:00 on 11 March in Shanghai
        assertThat(expiring(ExpiryRule.NEVER, null, SHANGHAI).localDate(Instant.parse("2026-03-10T17:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(expiring(ExpiryRule.NEVER, null, SHANGHAI).localDate(Instant.parse("2026-03-10T15:59:59Z")))
                .isEqualTo(TENTH_OF_MARCH_2026);
    }

    @Test
    void purchasePointsBecomeSpendableWhenTheReturnWindowCloses() {
        LedgerPolicy sevenDays = new LedgerPolicy(SHANGHAI, ExpiryRule.NEVER, null, 7, null, null,
                LedgerPolicy.Shortfall.TAKE_AVAILABLE, false, null, null, List.of(), 12, List.of());
        Instant occurredAt = Instant.parse("2026-03-10T03:00:00Z");
        assertThat(sevenDays.availableAt(occurredAt)).isEqualTo(occurredAt.plus(Duration.ofDays(7)));
    }

    @Test
    void aBalanceCrossesTheThresholdsItReachesGoingUpButNotOnesItStartedAt() {
        LedgerPolicy policy = new LedgerPolicy(SHANGHAI, ExpiryRule.NEVER, null, 0, null, null,
                LedgerPolicy.Shortfall.TAKE_AVAILABLE, false, null, null, List.of(), 12, List.of(1000L, 5000L));
        assertThat(policy.thresholdsCrossed(900, 1000)).containsExactly(1000L);
        assertThat(policy.thresholdsCrossed(900, 6000)).containsExactly(1000L, 5000L);
        assertThat(policy.thresholdsCrossed(1000, 4999)).isEmpty();
        assertThat(policy.thresholdsCrossed(6000, 900)).isEmpty();
    }

    @Test
    void aTiersRankIsItsPlaceInTheOrderAndMinusOneOtherwise() {
        LedgerPolicy policy = new LedgerPolicy(SHANGHAI, ExpiryRule.NEVER, null, 0, null, null,
                LedgerPolicy.Shortfall.TAKE_AVAILABLE, false, null, null, List.of("SILVER", "GOLD"), 12, List.of());
        assertThat(policy.rank("GOLD")).isEqualTo(1);
        assertThat(policy.rank("SILVER")).isZero();
        assertThat(policy.rank("PLATINUM")).isEqualTo(-1);
        assertThat(policy.rank(null)).isEqualTo(-1);
    }

    @Test
    void aMerchantWithoutSettingsGetsTheDocumentedDefaults() {
        Merchant merchant = new Merchant();
        merchant.timeZone = "Asia/Shanghai";
        LedgerPolicy policy = LedgerPolicy.of(merchant);
        assertThat(policy.zone()).isEqualTo(SHANGHAI);
        assertThat(policy.shortfall()).isEqualTo(LedgerPolicy.Shortfall.TAKE_AVAILABLE);
        assertThat(policy.tierPeriodMonths()).isEqualTo(12);
        assertThat(policy.tierOrder()).isEmpty();
        assertThat(policy.balanceThresholds()).isEmpty();
    }

    @Test
    void aMerchantsSettingsAreReadIntoThePolicyWithThresholdsInAscendingOrder() {
        Merchant merchant = new Merchant();
        merchant.timeZone = "America/New_York";
        merchant.expiryPolicy = ExpiryRule.END_OF_MONTH_AFTER_MONTHS;
        merchant.expiryMonths = 6;
        merchant.shortfallPolicy = "ALLOW_NEGATIVE";
        merchant.tierOrder = "SILVER,GOLD";
        merchant.tierPeriodMonths = 6;
        merchant.balanceThresholds = "5000,1000";
        LedgerPolicy policy = LedgerPolicy.of(merchant);
        assertThat(policy.zone()).isEqualTo(NEW_YORK);
        assertThat(policy.shortfall()).isEqualTo(LedgerPolicy.Shortfall.ALLOW_NEGATIVE);
        assertThat(policy.tierOrder()).containsExactly("SILVER", "GOLD");
        assertThat(policy.tierPeriodMonths()).isEqualTo(6);
        assertThat(policy.balanceThresholds()).containsExactly(1000L, 5000L);
        assertThat(policy.expiresAt(TENTH_OF_MARCH_2026)).isEqualTo(startOf(2026, 10, 1, NEW_YORK));
    }
}
