package io.jifen.admin.redemption.order;

/**
 * How a lottery draw ended: WON (the number fell on a prize with stock), NO_PRIZE (on no prize),
 * OUT_OF_STOCK (on a prize with none left). Stored in {@code lottery_draw.outcome}.
 */
public enum DrawOutcome {
    WON, NO_PRIZE, OUT_OF_STOCK
}
