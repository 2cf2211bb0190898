package io.jifen.engine.evaluation;

import java.math.BigDecimal;

/** A discount taken off a points price: {@code pointsOff} is what it saved, after rounding. */
public record AppliedDiscount(String rule, String family, BigDecimal percent, long pointsOff, String reason) {
}
