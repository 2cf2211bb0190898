package io.jifen.admin.ledger;

import io.jifen.admin.merchant.ExpiryRule;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an earning puts on the account once the merchant's policy has had its say (docs/ledger.md,
 * "Caps" and "Pending points"): the daily cap, then the account cap, each cut a negative CAP award
 * that says why; the lot that holds what is left, held through the return window or spendable at once.
 */
class EarningPlanTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z"); // 11:00 in Shanghai

    private static LedgerPolicy policy(int pendingDays, Long accountCap, Long dailyEarnCap) {
        return new LedgerPolicy(SHANGHAI, ExpiryRule.ROLLING_MONTHS, 12, pendingDays, accountCap, dailyEarnCap,
                LedgerPolicy.Shortfall.TAKE_AVAILABLE, false, null, null, List.of(), 12, List.of());
    }

    private static final LedgerPolicy NO_CAPS = policy(0, null, null);

    private static EarningOutcome earning(long... points) {
        List<Award> awards = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            awards.add(new Award("rule " + (i + 1), null, "BASE", points[i], "because"));
        }
        return new EarningOutcome("program", Arrays.stream(points).sum(), awards, List.of(), List.of(),
                Optional.empty());
    }

    private static EarningPlan purchase(LedgerPolicy policy, long balance, long pending, long earnedToday,
                                        EarningOutcome outcome) {
        return EarningPlan.of(policy, balance, pending, earnedToday, outcome, true, NOW, NOW);
    }

    private static long sum(List<Award> awards) {
        return awards.stream().mapToLong(Award::points).sum();
    }

    @Test
    void withoutCapsTheRulesAwardsAreWhatIsEarned() {
        EarningPlan plan = purchase(NO_CAPS, 0, 0, 0, earning(520, 100));
        assertThat(plan.points()).isEqualTo(620);
        assertThat(plan.awards()).extracting(Award::rule).containsExactly("rule 1", "rule 2");
        assertThat(plan.lot().points()).isEqualTo(620);
    }

    @Test
    void theDailyCapCutsWhatPassesItAndSaysHowMuchWasAlreadyEarned() {
        EarningPlan plan = purchase(policy(0, null, 1000L), 0, 0, 800, earning(500));
        assertThat(plan.points()).isEqualTo(200);
        Award cut = plan.awards().get(plan.awards().size() - 1);
        assertThat(cut.rule()).isEqualTo(EarningPlan.DAILY_CAP_RULE);
        assertThat(cut.family()).isEqualTo("CAP");
        assertThat(cut.points()).isEqualTo(-300);
        assertThat(cut.reason()).isEqualTo("300 points over the daily earning cap of 1000 (800 already earned that day)");
        assertThat(sum(plan.awards())).as("the entries still sum to what is earned").isEqualTo(plan.points());
    }

    @Test
    void refundsEarlierInTheDayDoNotWidenTheDailyCap() {
        // refunds count negative in the day's earnings, but the room is never more than the cap itself
        EarningPlan plan = purchase(policy(0, null, 1000L), 0, 0, -800, earning(1500));
        assertThat(plan.points()).isEqualTo(1000);
        assertThat(plan.awards().get(1).reason()).contains("(0 already earned that day)");
    }

    @Test
    void aDayAlreadyPastTheCapEarnsNothingAndMakesNoLot() {
        EarningPlan plan = purchase(policy(0, null, 1000L), 0, 0, 1200, earning(300));
        assertThat(plan.points()).isZero();
        assertThat(plan.lot()).isNull();
        assertThat(plan.held()).isFalse();
        assertThat(sum(plan.awards())).isZero();
    }

    @Test
    void theAccountCapCountsPendingPoints() {
        EarningPlan plan = purchase(policy(0, 10_000L, null), 9000, 500, 0, earning(1000));
        assertThat(plan.points()).isEqualTo(500);
        Award cut = plan.awards().get(1);
        assertThat(cut.rule()).isEqualTo(EarningPlan.ACCOUNT_CAP_RULE);
        assertThat(cut.points()).isEqualTo(-500);
        assertThat(cut.reason()).isEqualTo("500 points over the account cap of 10000 (balance 9000, pending 500)");
    }

    @Test
    void aNegativeBalanceLeavesMoreRoomUnderTheAccountCap() {
        EarningPlan plan = purchase(policy(0, 1000L, null), -300, 0, 0, earning(1200));
        assertThat(plan.points()).isEqualTo(1200);
        assertThat(plan.awards()).extracting(Award::family).doesNotContain("CAP");
    }

    @Test
    void theDailyCapCutsBeforeTheAccountCap() {
        EarningPlan plan = purchase(policy(0, 10_000L, 1000L), 9700, 0, 0, earning(1500));
        assertThat(plan.awards()).extracting(Award::rule)
                .containsExactly("rule 1", EarningPlan.DAILY_CAP_RULE, EarningPlan.ACCOUNT_CAP_RULE);
        assertThat(plan.awards()).extracting(Award::points).containsExactly(1500L, -500L, -700L);
        assertThat(plan.points()).isEqualTo(300);
        assertThat(sum(plan.awards())).isEqualTo(plan.points());
    }

    @Test
    void rulesThatTakeMoreThanTheyGiveEarnNothing() {
        EarningPlan plan = purchase(NO_CAPS, 0, 0, 0, earning(100, -250));
        assertThat(plan.points()).isZero();
        assertThat(plan.lot()).isNull();
    }

    @Test
    void aPurchasesPointsAreHeldThroughTheReturnWindow() {
        EarningPlan plan = purchase(policy(7, null, null), 0, 0, 0, earning(500));
        assertThat(plan.held()).isTrue();
        assertThat(plan.lot().released()).isFalse();
        assertThat(plan.lot().availableAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(plan.lot().remaining()).isEqualTo(500);
    }

    @Test
    void anEventsPointsAreSpendableAtOnceWhateverTheReturnWindow() {
        EarningPlan plan = EarningPlan.of(policy(7, null, null), 0, 0, 0, earning(50), false, NOW, NOW);
        assertThat(plan.held()).isFalse();
        assertThat(plan.lot().availableAt()).isEqualTo(NOW);
    }

    @Test
    void aPurchaseOlderThanTheReturnWindowIsReleasedAtOnce() {
        Instant tenDaysAgo = NOW.minus(Duration.ofDays(10));
        EarningPlan plan = EarningPlan.of(policy(7, null, null), 0, 0, 0, earning(500), true, tenDaysAgo, NOW);
        assertThat(plan.held()).isFalse();
        assertThat(plan.lot().availableAt()).isEqualTo(tenDaysAgo);
    }

    @Test
    void pointsNotHeldAreSpendableNowEvenWhenTheTransactionIsDatedALittleAhead() {
        Instant ahead = NOW.plusSeconds(30);
        EarningPlan plan = EarningPlan.of(NO_CAPS, 0, 0, 0, earning(500), true, ahead, NOW);
        assertThat(plan.lot().availableAt()).isEqualTo(NOW);
    }

    @Test
    void releasedPointsPayANegativeBalanceFirst() {
        assertThat(purchase(NO_CAPS, -300, 0, 0, earning(500)).lot().remaining()).isEqualTo(200);
        assertThat(purchase(NO_CAPS, -300, 0, 0, earning(200)).lot().remaining()).isZero();
        assertThat(purchase(NO_CAPS, -300, 0, 0, earning(200)).points()).isEqualTo(200);
    }

    @Test
    void heldPointsPayANegativeBalanceOnlyWhenReleased() {
        assertThat(purchase(policy(7, null, null), -300, 0, 0, earning(500)).lot().remaining()).isEqualTo(500);
    }

    @Test
    void theLotIsEarnedOnTheMerchantLocalDayAndExpiresByThePolicy() {
        Instant lateEveningUtc = Instant.parse("2026-03-10T17:00:00Z"); // 01:00 on 11 March in Shanghai
        EarningPlan plan = EarningPlan.of(NO_CAPS, 0, 0, 0, earning(100), true, lateEveningUtc, lateEveningUtc);
        assertThat(plan.lot().earnedOn()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(plan.lot().expiresAt()).isEqualTo(LocalDate.of(2027, 3, 12).atStartOfDay(SHANGHAI).toInstant());
    }
}
