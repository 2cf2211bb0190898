package io.jifen.admin.merchant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * How a merchant's points behave. {@code rounding}: a java.math.RoundingMode name (DOWN by default:
 * fractions are dropped). {@code stacking}: ADDITIVE or COMPOUND multipliers. {@code expiry}: NEVER,
 * or ROLLING_MONTHS / END_OF_MONTH_AFTER_MONTHS / END_OF_YEAR_AFTER_MONTHS with {@code months}.
 */
public record PointsPolicyModel(
        @NotNull @Pattern(regexp = "DOWN|UP|FLOOR|CEILING|HALF_UP|HALF_DOWN|HALF_EVEN",
                message = "must be DOWN, UP, FLOOR, CEILING, HALF_UP, HALF_DOWN or HALF_EVEN") String rounding,
        @NotNull @Pattern(regexp = "ADDITIVE|COMPOUND", message = "must be ADDITIVE or COMPOUND") String stacking,
        @NotNull @Valid Expiry expiry,
        @Positive Long accountCap,
        boolean autoEnrol) {

    public record Expiry(
            @NotNull @Pattern(regexp = "NEVER|ROLLING_MONTHS|END_OF_MONTH_AFTER_MONTHS|END_OF_YEAR_AFTER_MONTHS",
                    message = "must be NEVER, ROLLING_MONTHS, END_OF_MONTH_AFTER_MONTHS or END_OF_YEAR_AFTER_MONTHS")
            String rule,
            @Min(1) @Max(120) Integer months) {
    }
}
