package io.jifen.admin.transaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jifen.admin.member.MemberModels;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.MoneyJson;
import io.jifen.engine.evaluation.Award;
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
import java.util.Map;

/** What integrators send and get back. Amounts are decimals in the merchant's currency. */
public final class TransactionModels {
    public static final String TRANSACTION_ID = "[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}";

    private TransactionModels() {
    }

    public record PurchaseRequest(
            @NotBlank @Pattern(regexp = TRANSACTION_ID, message = "must be 1-128 letters, digits or ._:@/-") String transactionId,
            @NotBlank @Pattern(regexp = MemberModels.ID_PATTERN, message = "is not a valid member id") String memberId,
            @NotNull @Inputs.Moment Instant occurredAt,
            @Size(max = 64) String channel,
            @Size(max = 64) String store,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotNull @Inputs.Money
            @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION, examples = "129.90") BigDecimal total,
            @Size(max = 500) List<@NotNull @Valid LineRequest> lines) {
    }

    public record LineRequest(@NotBlank @Size(max = 128) String sku, @Size(max = 128) String category,
                              @Positive Integer quantity,
                              @Inputs.Money @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION, examples = "12.50") BigDecimal unitPrice,
                              @Inputs.Money @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT, description = MoneyJson.DESCRIPTION, examples = "25.00") BigDecimal amount) {
    }

    public record EventRequest(
            @NotBlank @Pattern(regexp = TRANSACTION_ID, message = "must be 1-128 letters, digits or ._:@/-") String transactionId,
            @NotBlank @Pattern(regexp = MemberModels.ID_PATTERN, message = "is not a valid member id") String memberId,
            @NotBlank String type,
            @NotNull @Inputs.Moment Instant occurredAt,
            @Size(max = 50) Map<@Size(max = 64) String, @Size(max = 500) String> attributes) {
    }

    /** An award as the API shows it; {@code campaign}: the code of the campaign its rule belongs to, or null. */
    public record AwardView(String rule, String phase, String family, long points, String reason,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String campaign) {
        public static AwardView of(Award a) {
            return new AwardView(a.rule(), a.phase() == null ? null : a.phase().agendaGroup(), a.family(), a.points(),
                    a.reason(), a.campaign());
        }
    }

    public record LineNoteView(String rule, String sku, String kind, BigDecimal factor, String reason) {
    }

    public record TierDecisionView(String from, String to, String rule, String reason) {
    }

    /**
     * The outcome of a purchase or event. {@code balance} and {@code pending} are the member's spendable
     * and held points after posting; {@code heldUntil} is when this posting's points become spendable
     * (absent when they already are). All three are null in a dry run, where {@code posted} is false.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransactionResult(String transactionId, String kind, String memberId, Instant occurredAt,
                                    int ruleVersion, long totalPoints, List<AwardView> awards,
                                    List<LineNoteView> lineNotes, TierDecisionView tierDecision, Long balance,
                                    Long pending, Instant heldUntil, boolean posted) {
    }
}
