package io.jifen.admin.transaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.MoneyJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Refunds: full (neither lines nor amount), by line items, or by amount. */
public final class RefundModels {
    private RefundModels() {
    }

    public record RefundRequest(
            @NotBlank @Pattern(regexp = TransactionModels.TRANSACTION_ID, message = "must be 1-128 letters, digits or ._:@/-") String refundId,
            @NotBlank @Size(max = 128) String purchaseId,
            @Inputs.Moment Instant occurredAt,
            @Inputs.Money @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION, examples = "20.00") BigDecimal amount,
            @Size(max = 500) List<@NotNull @Valid RefundLine> lines,
            @Size(max = 500) String reason) {
    }

    public record RefundLine(@NotBlank @Size(max = 128) String sku, @NotNull @Positive Integer quantity) {
    }

    /**
     * What a refund did. {@code pointsKept}: what the re-evaluated remaining purchase still earns;
     * {@code pointsReversed}: taken from the member now; {@code shortfall}: what could not be taken
     * (points already spent, merchant policy TAKE_AVAILABLE).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundResult(String refundId, String purchaseId, String memberId, int ruleVersion,
                               @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION) BigDecimal refundedAmount,
                               @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION) BigDecimal remainingAmount, long originalPoints,
                               long pointsKept, long pointsReversed, long shortfall, long balance, long pending,
                               List<TransactionModels.AwardView> remainingAwards, String reason) {
    }

    /** What one refund took off the purchase, line by line (by the purchase's line index), as stored. */
    record Refunded(List<Integer> quantities, List<BigDecimal> amounts, BigDecimal total) {
    }
}
