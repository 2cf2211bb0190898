package io.jifen.engine.evaluation;

import java.math.BigDecimal;

/** A way to pay for an item: points plus cash (cash may be zero). */
public record PaymentOption(long points, BigDecimal cash, String rule, String reason) {
}
