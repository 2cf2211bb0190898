package io.jifen.admin.redemption.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.MoneyJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The catalog as the API shows it; the tables behind it are {@code mall_item}, {@code mall_code}, {@code lottery_prize}. */
public final class CatalogModels {
    public static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private CatalogModels() {
    }

    /**
     * An item to create ({@code sku} required) or to replace ({@code PUT …/items/{sku}}: the sku comes
     * from the path; stock is not replaced — it moves only by {@link StockChange}).
     * {@code stock} null = unlimited; {@code tiersAllowed} empty = every tier.
     */
    public record ItemRequest(
            @Pattern(regexp = SKU, message = "must be 1-64 letters, digits or ._-") String sku,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String imageUrl,
            @NotNull @Pattern(regexp = ItemType.PATTERN,
                    message = "must be PHYSICAL, VIRTUAL, SERVICE, COUPON or LOTTERY")
            @Schema(enumeration = {"PHYSICAL", "VIRTUAL", "SERVICE", "COUPON", "LOTTERY"}) String type,
            @Size(max = 64) String category,
            @NotNull @PositiveOrZero @Max(Inputs.MAX_POINTS) Long basePoints,
            @DecimalMin(value = "0", message = "must not be negative") @Inputs.Money
            @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION, examples = "5.00") BigDecimal cashPrice,
            @PositiveOrZero Long stock,
            @Positive Integer perMemberLimit,
            List<@NotBlank @Size(max = 64) String> tiersAllowed,
            @Inputs.Moment Instant availableFrom,
            @Inputs.Moment Instant availableUntil,
            Boolean active,
            Map<@NotBlank String, @NotNull @Size(max = 200) String> attributes,
            @Pattern(regexp = CodeSource.PATTERN, message = "must be POOL or GENERATED")
            @Schema(enumeration = {"POOL", "GENERATED"}) String codeSource,
            @Size(max = 50) List<@Valid @NotNull PrizeRequest> prizes) {
    }

    /** A lottery prize: its chance per draw (0 < p ≤ 1, at most 6 decimals) and its own stock (null = unlimited). */
    /**
     * A prize of a lottery item. With {@code id}, an existing prize keeps its row and its stock (which
     * moves only through POST …/prizes/{id}/stock, as an item's does); without, a new prize.
     */
    public record PrizeRequest(
            Long id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin(value = "0.000001", message = "must be at least 0.000001")
            @DecimalMax(value = "1", message = "must be at most 1") BigDecimal probability,
            @PositiveOrZero Long stock) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrizeView(long id, String name, BigDecimal probability, Long stock) {
    }

    /** A prize's stock after a change. */
    public record PrizeStockView(String sku, long prizeId, Long stock) {
    }

    /** An item as marketing sees it: stock left, codes left in its pool, prizes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String sku, String name, String description, String imageUrl, ItemType type, String category,
                           long basePoints, @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION) BigDecimal cashPrice, Long stock, boolean unlimitedStock,
                           Integer perMemberLimit, List<String> tiersAllowed, Instant availableFrom,
                           Instant availableUntil, boolean active, Map<String, String> attributes, CodeSource codeSource,
                           Long codesAvailable, List<PrizeView> prizes, Instant createdAt, Instant updatedAt) {
    }

    /** Stock moves by a difference, never by overwriting: redemptions take stock at the same time. */
    public record StockChange(@NotNull @Min(-1_000_000_000)
                              @Max(1_000_000_000) Long change,
                              @Size(max = 500) String reason) {
    }

    public record StockView(String sku, Long stock) {
    }

    /** JSON form of a code upload: the codes themselves, or how many random codes to generate. */
    public record CodesRequest(@Size(max = 100_000) List<@NotBlank @Size(max = 200) String> codes,
                               @Min(1) @Max(100_000) Integer generate) {
    }

    /** What an upload added; codes already in the pool (or issued) are skipped, never issued twice. */
    public record CodesResult(String sku, int added, int duplicates, long available) {
    }
}
