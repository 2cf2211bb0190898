package io.jifen.engine.evaluation;

import java.math.BigDecimal;

/**
 * A rule giving back part of the points paid for a redemption: {@code points} is its share on the
 * quote's main price; for another payment option use {@link PriceQuote#pointsBackOn}.
 */
public record PointsBack(String rule, String family, BigDecimal percent, long points, String reason) {
}
