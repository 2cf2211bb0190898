package io.jifen.admin.redemption.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jifen.admin.redemption.catalog.ItemType;
import io.jifen.admin.shared.MoneyJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What members (through the integrator) see of the mall: prices quoted by the rules, redeemable items. */
public final class MallModels {
    private MallModels() {
    }

    /** One discount the rules applied: the points it took off and why. */
    public record DiscountView(String rule, String family, BigDecimal percent, long pointsOff, String reason) {
    }

    /**
     * Another way to pay, offered by a payment-phase rule (points plus cash). {@code option} is what a
     * redemption sends as {@code paymentOption}; 0 is the main price.
     */
    public record OptionView(int option, long points, @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION) BigDecimal cash, String rule, String reason) {
    }

    /**
     * What an item costs a member now, on the active rule version: {@code pointsPrice} and
     * {@code cashPart} are the main price (option 0). {@code redeemable} is false when the member could
     * not redeem it now, {@code notRedeemable} saying why (tier, window, stock, limit, balance, frozen).
     * {@code withheld}: pricing rules of a campaign that does not apply to the member now (outside its window
     * or audience), which therefore changed nothing, with why; absent when there are none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuoteView(String sku, String memberId, String tier, int ruleVersion, long basePoints, long listPoints,
                            String listPriceRule, long pointsPrice, @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION) BigDecimal cashPart, List<DiscountView> discounts,
                            List<OptionView> options, long pointsBack, List<PointsBackView> pointsBackRules,
                            Instant quotedAt, boolean redeemable, List<String> notRedeemable,
                            List<WithheldView> withheld) {
    }

    /** A pricing rule of a campaign that does not apply to the member now: the rule, its campaign, and why. */
    public record WithheldView(String rule, String campaign, String reason) {
    }

    /** Points a reward-phase rule gives back on the main price, and why. */
    public record PointsBackView(String rule, String family, BigDecimal percent, long points, String reason) {
    }

    /** An item a member may redeem now, at the member's price. {@code stock} null: unlimited. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RedeemableItem(String sku, String name, String description, String imageUrl, ItemType type,
                                 String category, long basePoints, long pointsPrice, @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION) BigDecimal cashPart,
                                 List<DiscountView> discounts, List<OptionView> options, Long stock,
                                 Integer remainingForMember, boolean affordable, Instant availableUntil) {
    }
}
