package io.jifen.admin.campaign;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign's exact shares of points made whole: the total rounded once, the days adding up to it. */
class WholePointsTest {
    private static List<BigDecimal> shares(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void theTotalIsRoundedHalfUpOnce() {
        assertThat(WholePoints.total(shares("7", "1.8919"))).isEqualTo(9);
        assertThat(WholePoints.total(shares("0.5"))).isEqualTo(1);
        assertThat(WholePoints.total(shares("0.3", "0.3", "0.3"))).as("0.9, not three zeros").isEqualTo(1);
        assertThat(WholePoints.total(List.of())).isZero();
    }

    @Test
    void theDaysWithTheLargestFractionsGetThePointsRoundingDownLeftOver() {
        assertThat(WholePoints.apportion(shares("0.3", "0.3", "0.4"))).containsExactly(0, 0, 1);
        assertThat(WholePoints.apportion(shares("2.6", "1.7", "0.7"))).as("total 5: the two .7 get the points")
                .containsExactly(2, 2, 1);
        assertThat(WholePoints.apportion(shares("0.5", "0.5"))).as("ties go to the earlier day").containsExactly(1, 0);
    }

    @Test
    void aDayOfCancellationsCanBeNegativeAndTheDaysStillAddUp() {
        long[] days = WholePoints.apportion(shares("8.89", "-7"));
        assertThat(days).containsExactly(9, -7);
        assertThat(days[0] + days[1]).isEqualTo(WholePoints.total(shares("8.89", "-7")));
    }

    @Test
    void forAnyDaysTheWholePointsAddUpToTheRoundedTotalAndStayWithinAPointOfEachShare() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int run = 0; run < 1_000; run++) {
            List<BigDecimal> exact = IntStream.range(0, 1 + random.nextInt(40))
                    .mapToObj(i -> BigDecimal.valueOf(random.nextInt(200_000) - 20_000, 4)).toList();
            long[] whole = WholePoints.apportion(exact);
            assertThat(Arrays.stream(whole).sum()).as("seed %d", seed).isEqualTo(WholePoints.total(exact));
            for (int i = 0; i < whole.length; i++) {
                assertThat(BigDecimal.valueOf(whole[i]).subtract(exact.get(i)).abs())
                        .as("seed %d", seed).isLessThan(BigDecimal.ONE);
            }
        }
    }
}
