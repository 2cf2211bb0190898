package io.jifen.admin.ledger;


import com.fasterxml.jackson.annotation.JsonInclude;
import io.jifen.admin.member.MemberModels;
import io.jifen.admin.shared.Inputs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class LedgerModels {
    /** Operation ids share the namespace of transaction ids: unique per merchant across every kind. */
    static final String OPERATION_ID = "[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}";
    /** The most points one operation may move: far above any real account, far below overflow. */
    static final long MAX_POINTS = Inputs.MAX_POINTS;
    static final String OPERATION_ID_MESSAGE = "must be 1-128 letters, digits or ._:@/-";

    private LedgerModels() {
    }

    /** One statement line: what moved the balance, by which rule of which version, and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatementLine(long entryId, EntryKind kind, Bucket bucket, long points, long balanceAfter,
                                String transactionId, TransactionKind transactionKind, Integer ruleVersion, String rule,
                                String family, String reason, Long lotId, Instant at) {
    }

    /** A manual correction: positive adds a lot expiring by the policy, negative takes from the lots expiring first. */
    public record AdjustmentRequest(
            @NotBlank @Pattern(regexp = OPERATION_ID, message = OPERATION_ID_MESSAGE) String adjustmentId,
            @NotNull @Min(-MAX_POINTS) @Max(MAX_POINTS) Long points,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** Spends points (a redemption elsewhere, a points-for-cash exchange): from the lots expiring first. */
    public record DebitRequest(
            @NotBlank @Pattern(regexp = OPERATION_ID, message = OPERATION_ID_MESSAGE) String debitId,
            @NotNull @Positive @Max(MAX_POINTS) Long points,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record TransferRequest(
            @NotBlank @Pattern(regexp = OPERATION_ID, message = OPERATION_ID_MESSAGE) String transferId,
            @NotBlank @Pattern(regexp = MemberModels.ID_PATTERN, message = "is not a valid member id") String fromMemberId,
            @NotBlank @Pattern(regexp = MemberModels.ID_PATTERN, message = "is not a valid member id") String toMemberId,
            @NotNull @Positive @Max(MAX_POINTS) Long points,
            @Size(max = 500) String reason) {
    }

    /** Cancels a debit: its points go back to the lots they came from, keeping their expiry. */
    public record DebitCancellation(
            @NotBlank @Pattern(regexp = OPERATION_ID, message = OPERATION_ID_MESSAGE) String cancellationId,
            @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * What a cancellation gave back, what had expired meanwhile (it stays expired), and how much of what
     * came back settled an open refund shortfall.
     */
    public record CancellationResult(String cancellationId, String debitId, String memberId, long points,
                                     long expiredMeanwhile, long settledShortfall, long balance, String reason) {
    }

    public record FreezeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Points taken from one lot, and when that lot expires (null: never). */
    public record TakenView(long lotId, long points, Instant expiresAt) {
    }

    /**
     * The outcome of an adjustment, debit or transfer. {@code points} is the change to the member's
     * balance; a transfer also shows the receiver and its balance.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OperationResult(String id, String kind, String memberId, long points, long balance, long pending,
                                  String counterpartyId, Long counterpartyBalance, List<TakenView> takenFrom,
                                  String reason) {
    }

    /** Points that expire on one merchant-local day. */
    public record ExpiringDay(LocalDate day, long points, Long members) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expiring(String memberId, int days, long points, List<ExpiringDay> byDay) {
    }
}
