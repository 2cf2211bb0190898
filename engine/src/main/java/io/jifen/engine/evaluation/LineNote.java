package io.jifen.engine.evaluation;

import java.math.BigDecimal;

/** How a rule changed what a purchase line earns: EXCLUDED, or MULTIPLIED by {@code factor}. */
public record LineNote(String rule, String sku, String kind, BigDecimal factor, String reason) {
}
