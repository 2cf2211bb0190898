package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Transactions already posted, looked up by the integrator's id: their stored answer is the lookup's answer. */
@ApplicationScoped
public class PostedTransactions {

    /** The JSON answered when the transaction was posted, or 404. */
    public String resultOf(Merchant merchant, String transactionId) {
        return LoyaltyTransaction.of(merchant.id, transactionId)
                .orElseThrow(() -> ProblemException.notFound("transaction `" + transactionId + "`")).result;
    }
}
