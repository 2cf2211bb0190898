package io.jifen.admin.redemption.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jifen.admin.redemption.catalog.CatalogModels;
import io.jifen.admin.redemption.catalog.ItemType;
import io.jifen.admin.redemption.pricing.MallModels;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.MoneyJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public final class RedemptionModels {
    /** Redemption ids are operation ids: one namespace per merchant with transaction, debit and refund ids. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}";
    static final String ID_MESSAGE = "must be 1-128 letters, digits or ._:@/-";

    private RedemptionModels() {
    }

    /**
     * Redeem one unit of an item. {@code redemptionId} is the idempotency key (required);
     * {@code paymentOption} 0 or absent pays the main price, n the n-th points-plus-cash option of the
     * quote; {@code expectedPoints}, when given, must equal the points the rules charge now (else 409
     * price-changed: the member saw another price); {@code shippingAddress} is required for PHYSICAL items.
     */
    public record RedemptionRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String redemptionId,
            @NotBlank @Pattern(regexp = CatalogModels.SKU, message = "is not a valid sku") String sku,
            @PositiveOrZero Integer paymentOption,
            @PositiveOrZero @Max(Inputs.MAX_POINTS) Long expectedPoints,
            @PositiveOrZero @Inputs.Money
            @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION, examples = "5.00") BigDecimal expectedCash,
            @Valid ShippingAddress shippingAddress) {
    }

    public record ShippingAddress(@NotBlank @Size(max = 100) String recipient,
                                  @NotBlank @Size(max = 40) String phone,
                                  @NotBlank @Size(max = 300) String line1,
                                  @Size(max = 300) String line2,
                                  @NotBlank @Size(max = 100) String city,
                                  @Size(max = 100) String region,
                                  @Size(max = 20) String postalCode,
                                  @Size(max = 2) String country) {
    }

    public record Shipment(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {
    }

    /** Cancels (before shipment) or returns (after) a redemption: points back with their expiry, stock back, code voided. */
    public record Cancellation(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String cancellationId,
                               @NotBlank @Size(max = 500) String reason) {
    }

    /** A lottery draw as the order shows it; the audit list adds the prize table it was drawn against. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrawView(long drawId, int randomValue, DrawOutcome outcome, String prize, Instant drawnAt) {
    }

    /**
     * An order. {@code status}: ISSUED, PENDING_SHIPMENT, SHIPPED, DELIVERED, DRAWN, CANCELLED, RETURNED.
     * {@code balance} (the member's after it) appears in the answer to the redemption only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderView(String redemptionId, String memberId, String sku, String itemName, ItemType type,
                            OrderStatus status, long points, @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION) BigDecimal cash, int paymentOption, Integer ruleVersion,
                            List<MallModels.DiscountView> discounts, String code, Boolean codeVoided,
                            ShippingAddress shippingAddress, String carrier, String trackingNumber, Instant shippedAt,
                            Instant deliveredAt, Instant cancelledAt, String cancellationId, String cancelReason,
                            Long pointsRestored, Long expiredMeanwhile, long pointsBack, long pointsBackReversed,
                            DrawView draw, Long balance, Instant createdAt, Instant updatedAt) {
        OrderView withBalance(long balance) {
            return new OrderView(redemptionId, memberId, sku, itemName, type, status, points, cash, paymentOption,
                    ruleVersion, discounts, code, codeVoided, shippingAddress, carrier, trackingNumber, shippedAt,
                    deliveredAt, cancelledAt, cancellationId, cancelReason, pointsRestored, expiredMeanwhile, pointsBack,
                    pointsBackReversed, draw, balance, createdAt, updatedAt);
        }
    }

    /** One prize's share of the draw numbers [from, to) out of 1,000,000, and its stock after the draw when won. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Odds(long prizeId, String name, int from, int to) {
    }

    /** A draw in the audit list: everything needed to check its outcome from the random value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrawAudit(long drawId, String redemptionId, String memberId, int randomValue, List<Odds> odds,
                            DrawOutcome outcome, String prize, Long prizeStockAfter, Instant drawnAt) {
    }
}
