package io.jifen.admin.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact shares of points (a campaign's part of lots spent or expired, day by day) made whole: the total
 * is rounded once (half up), and each day gets its share rounded down plus one more point for the days
 * with the largest fractions until the days add up to that total (largest remainder), so days and total
 * always agree.
 */
final class WholePoints {
    private WholePoints() {
    }

    static long total(List<BigDecimal> exact) {
        return exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The whole points of each share, in the order given, summing to {@link #total}. */
    static long[] apportion(List<BigDecimal> exact) {
        long[] whole = new long[exact.size()];
        long floors = 0;
        for (int i = 0; i < whole.length; i++) {
            whole[i] = exact.get(i).setScale(0, RoundingMode.FLOOR).longValueExact();
            floors += whole[i];
        }
        long missing = total(exact) - floors;
        int[] byFraction = IntStream.range(0, whole.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> exact.get(i).subtract(BigDecimal.valueOf(whole[i]))).reversed()
                        .thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < missing; k++) {
            whole[byFraction[k]]++;
        }
        return whole;
    }
}
