package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.IdempotentAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Posts a purchase or member event: evaluated on the merchant's active version, written in one
 * database transaction (the transaction row, its ledger entries, the new balance) or not at all.
 * Idempotent by (merchant, transaction id): a retry with the same payload gets the stored result, a
 * different payload under the same id gets 409. Concurrent postings share database transactions
 * through {@link PostingBatcher} (group commit), which has {@link PostingWriter} write each.
 */
@ApplicationScoped
public class PostingService {
    @Inject
    PostingBatcher batcher;

    public IdempotentAnswer purchase(Merchant merchant, TransactionModels.PurchaseRequest r) {
        return batcher.post(posting(merchant, r));
    }

    public IdempotentAnswer event(Merchant merchant, TransactionModels.EventRequest r) {
        return batcher.post(posting(merchant, r));
    }

    PostingCommand posting(Merchant merchant, TransactionModels.PurchaseRequest r) {
        return PostingCommand.of(merchant, r);
    }

    PostingCommand posting(Merchant merchant, TransactionModels.EventRequest r) {
        return PostingCommand.of(merchant, r);
    }
}
