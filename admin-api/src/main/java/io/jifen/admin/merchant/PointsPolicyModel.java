package io.jifen.admin.merchant;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.jifen.admin.shared.Inputs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a merchant's points behave. {@code rounding}: a java.math.RoundingMode name (DOWN by default:
 * fractions are dropped). {@code stacking}: ADDITIVE or COMPOUND multipliers. {@code expiry}: NEVER,
 * or ROLLING_MONTHS / END_OF_MONTH_AFTER_MONTHS / END_OF_YEAR_AFTER_MONTHS with {@code months}.
 * The ledger settings below are optional; absent, they take the defaults in {@link #withDefaults()}.
 * {@code pointValue}: what one point is worth in the merchant's currency (a decimal string such as
 * "0.01"); optional, with no default: impact simulations report money figures only when it is set.
 */
public record PointsPolicyModel(
        @NotNull @Pattern(regexp = "DOWN|UP|FLOOR|CEILING|HALF_UP|HALF_DOWN|HALF_EVEN",
                message = "must be DOWN, UP, FLOOR, CEILING, HALF_UP, HALF_DOWN or HALF_EVEN")
        @Schema(enumeration = {"DOWN", "UP", "FLOOR", "CEILING", "HALF_UP", "HALF_DOWN", "HALF_EVEN"},
                description = "How fractions of a point are rounded (a java.math.RoundingMode)") String rounding,
        @NotNull @Pattern(regexp = "ADDITIVE|COMPOUND", message = "must be ADDITIVE or COMPOUND")
        @Schema(enumeration = {"ADDITIVE", "COMPOUND"}, description = "How multipliers combine") String stacking,
        @NotNull @Valid Expiry expiry,
        @Positive @Max(Inputs.MAX_POINTS) Long accountCap,
        boolean autoEnrol,
        @Min(0) @Max(365) Integer pendingDays,
        @Positive @Max(Inputs.MAX_POINTS) Long dailyEarnCap,
        @Pattern(regexp = "ALLOW_NEGATIVE|TAKE_AVAILABLE", message = "must be ALLOW_NEGATIVE or TAKE_AVAILABLE")
        @Schema(enumeration = {"ALLOW_NEGATIVE", "TAKE_AVAILABLE"},
                description = "When a refund takes back points already spent (TAKE_AVAILABLE by default)")
        String refundShortfall,
        @Valid Transfers transfers,
        @Valid Tiers tiers,
        @Size(max = 20) List<@NotNull @Positive @Max(Inputs.MAX_POINTS) Long> balanceThresholds,
        @DecimalMin(value = "0", inclusive = false, message = POINT_VALUE)
        @Digits(integer = 7, fraction = 6, message = POINT_VALUE)
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, format = "decimal", examples = "0.01",
                description = "What one point is worth in the merchant's currency; a JSON number is accepted too")
        BigDecimal pointValue) {

    static final String POINT_VALUE = "must be a positive amount of the merchant's currency below 10000000 with at most"
            + " 6 decimal places, e.g. \"0.01\"";

    public record Expiry(
            @NotNull @Pattern(regexp = ExpiryRule.PATTERN,
                    message = "must be NEVER, ROLLING_MONTHS, END_OF_MONTH_AFTER_MONTHS or END_OF_YEAR_AFTER_MONTHS")
            @Schema(enumeration = {"NEVER", "ROLLING_MONTHS", "END_OF_MONTH_AFTER_MONTHS", "END_OF_YEAR_AFTER_MONTHS"})
            String rule,
            @Min(1) @Max(120) Integer months) {
    }

    /** Member-to-member transfers: off unless enabled; min and max bound one transfer. */
    public record Transfers(boolean enabled, @Positive @Max(Inputs.MAX_POINTS) Long min,
                            @Positive @Max(Inputs.MAX_POINTS) Long max) {
    }

    /** Tiers from lowest to highest (purchases only ever upgrade), and how long a tier is held before review. */
    public record Tiers(@NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}",
            message = "must be upper-case letters, digits or _") String> order,
                        @Min(1) @Max(60) Integer periodMonths) {
    }

    /** The same policy with every optional setting filled in. */
    public PointsPolicyModel withDefaults() {
        return new PointsPolicyModel(rounding, stacking, expiry, accountCap, autoEnrol,
                pendingDays == null ? 0 : pendingDays, dailyEarnCap,
                refundShortfall == null ? "TAKE_AVAILABLE" : refundShortfall,
                transfers == null ? new Transfers(false, null, null) : transfers,
                tiers == null ? new Tiers(List.of("REGULAR", "SILVER", "GOLD"), 12)
                        : new Tiers(tiers.order(), tiers.periodMonths() == null ? 12 : tiers.periodMonths()),
                balanceThresholds == null ? List.of() : balanceThresholds.stream().sorted().distinct().toList(),
                pointValue);
    }
}
