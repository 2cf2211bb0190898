package io.jifen.admin.campaign;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Total and daily budgets spent in time order over the charges a simulation's replay noted member by member. */
class BudgetReplayTest {
    private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 20);
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);

    private static CampaignDefinition campaign(Long total, Long perDay, WhenExhausted when) {
        return new CampaignDefinition(1, "year-end", LocalDateTime.of(2026, 11, 1, 0, 0), LocalDateTime.of(2027, 1, 1, 0, 0),
                List.of(), null, null, Map.of(), total, null, perDay, when);
    }

    /** Noted as a replay notes them: member by member, so not in time order. */
    private static BudgetReplay.Charges charges(long[]... atIdDayPoints) {
        BudgetReplay.Charges charges = new BudgetReplay.Charges();
        for (long[] c : atIdDayPoints) {
            charges.add(c[0], c[1], c[2] == 1 ? DAY_1 : DAY_2, "year-end", c[3]);
        }
        charges.add(1, 99, DAY_1, "another-campaign", 1_000);
        return charges;
    }

    @Test
    void theTotalIsSpentInTheOrderTheTransactionsOccurredNotTheOrderTheyWereReplayed() {
        // member A's two purchases at 3 and 5, then member B's at 4: in time order 60, 50 (trimmed to 40), 70 (cut whole)
        BudgetReplay.Side side = BudgetReplay.apply(campaign(100L, null, WhenExhausted.TRIM), BudgetReplay.Before.NOTHING, DAY_1,
                charges(new long[] {3, 10, 1, 60}, new long[] {5, 11, 2, 70}, new long[] {4, 12, 1, 50}));
        assertThat(side).isEqualTo(new BudgetReplay.Side(180, 80, 0, 100, DAY_1, 0, 2));
    }

    @Test
    void whatWasChargedBeforeThePeriodCountsAgainstTheTotalAndTheFirstDay() {
        BudgetReplay.Side side = BudgetReplay.apply(campaign(100L, 50L, WhenExhausted.TRIM), new BudgetReplay.Before(70, 30),
                DAY_1, charges(new long[] {3, 10, 1, 25}, new long[] {5, 11, 2, 25}));
        assertThat(side.cutByDay()).as("20 of day 1's 50 were left").isEqualTo(5);
        assertThat(side.cutByTotal()).as("then 10 of the 30 left in all").isEqualTo(15);
        assertThat(side.kept()).isEqualTo(30);
        assertThat(side.exhaustedOn()).isEqualTo(DAY_2);
        assertThat(side.daysCut()).isEqualTo(1);
    }

    @Test
    void aDailyBudgetStartsAfreshEachMerchantLocalDay() {
        BudgetReplay.Side side = BudgetReplay.apply(campaign(null, 50L, WhenExhausted.TRIM), BudgetReplay.Before.NOTHING, DAY_1,
                charges(new long[] {1, 10, 1, 40}, new long[] {2, 11, 1, 40}, new long[] {3, 12, 2, 40},
                        new long[] {4, 13, 2, 40}));
        assertThat(side).isEqualTo(new BudgetReplay.Side(160, 0, 60, 100, null, 2, 2));
    }

    @Test
    void aRefusingCampaignGivesAnAwardWholeOrNotAtAllAndAFollowingSmallerOneStillFits() {
        BudgetReplay.Side side = BudgetReplay.apply(campaign(100L, null, WhenExhausted.REFUSE), BudgetReplay.Before.NOTHING,
                DAY_1, charges(new long[] {1, 10, 1, 80}, new long[] {2, 11, 1, 30}, new long[] {3, 12, 1, 20}));
        assertThat(side.kept()).as("80 and 20; the 30 did not fit").isEqualTo(100);
        assertThat(side.cutByTotal()).isEqualTo(30);
        assertThat(side.transactionsCut()).isEqualTo(1);
        assertThat(side.exhaustedOn()).isEqualTo(DAY_1);
    }

    @Test
    void withoutACutNothingIsExhausted() {
        BudgetReplay.Side side = BudgetReplay.apply(campaign(1_000L, 500L, WhenExhausted.TRIM), BudgetReplay.Before.NOTHING,
                DAY_1, charges(new long[] {1, 10, 1, 80}, new long[] {2, 11, 2, 30}));
        assertThat(side).isEqualTo(new BudgetReplay.Side(110, 0, 0, 110, null, 0, 0));
    }
}
