package io.jifen.engine.evaluation;

import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a merchant's program turns decimal amounts into whole points and how multipliers combine.
 * The default rounds toward zero ({@link RoundingMode#DOWN}: 19.9 points → 19) and adds every
 * multiplier's extra to the base points ({@link MultiplierStacking#ADDITIVE}).
 */
public record ProgramPolicy(RoundingMode rounding, MultiplierStacking stacking) {

    public static final ProgramPolicy DEFAULT = new ProgramPolicy(RoundingMode.DOWN, MultiplierStacking.ADDITIVE);

    public ProgramPolicy {
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(stacking, "stacking");
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding UNNECESSARY cannot turn amounts into whole points");
        }
    }

    /**
     * ADDITIVE: each multiplier adds base × (factor − 1), so gold 2× and member day 2× give 3× base.
     * COMPOUND: multipliers multiply each other, so the same two give 4× base.
     */
    public enum MultiplierStacking {
        ADDITIVE, COMPOUND
    }
}
