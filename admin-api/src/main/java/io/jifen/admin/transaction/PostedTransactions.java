package io.jifen.admin.transaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Transactions already posted, looked up by the integrator's id: the answer each was given when posted,
 * as stored, under the field its kind names, so the declared schema holds for every kind.
 */
@ApplicationScoped
public class PostedTransactions {

    /**
     * One transaction of any kind: {@code kind} says which one field holds the answer it was given,
     * byte for byte as first answered (the others are absent). The schemas are named, not classes: the
     * order's class belongs to the mall, which builds on transactions.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostedTransaction(String transactionId, TransactionKind kind,
            @JsonRawValue @Schema(ref = "TransactionResult",
                    description = "For PURCHASE and EVENT: what postPurchase or postEvent answered") String posting,
            @JsonRawValue @Schema(ref = "RefundResult",
                    description = "For REFUND: what postRefund answered") String refund,
            @JsonRawValue @Schema(ref = "OperationResult",
                    description = "For ADJUSTMENT, DEBIT and TRANSFER: what the operation answered") String operation,
            @JsonRawValue @Schema(ref = "CancellationResult",
                    description = "For DEBIT_CANCEL: what cancelling the debit answered") String debitCancellation,
            @JsonRawValue @Schema(ref = "OrderView",
                    description = "For REDEMPTION and REDEMPTION_CANCEL: the order as that operation answered it")
            String redemption) {

        static PostedTransaction of(String transactionId, TransactionKind kind, String answer) {
            return switch (kind) {
                case PURCHASE, EVENT -> new PostedTransaction(transactionId, kind, answer, null, null, null, null);
                case REFUND -> new PostedTransaction(transactionId, kind, null, answer, null, null, null);
                case ADJUSTMENT, DEBIT, TRANSFER -> new PostedTransaction(transactionId, kind, null, null, answer, null, null);
                case DEBIT_CANCEL -> new PostedTransaction(transactionId, kind, null, null, null, answer, null);
                case REDEMPTION, REDEMPTION_CANCEL -> new PostedTransaction(transactionId, kind, null, null, null, null, answer);
            };
        }
    }

    /** The transaction with the answer given when it was posted, or 404. */
    public PostedTransaction of(Merchant merchant, String transactionId) {
        LoyaltyTransaction t = LoyaltyTransaction.of(merchant.id, transactionId)
                .orElseThrow(() -> ProblemException.notFound("transaction `" + transactionId + "`"));
        return PostedTransaction.of(t.externalId, TransactionKind.valueOf(t.kind), t.result);
    }
}
