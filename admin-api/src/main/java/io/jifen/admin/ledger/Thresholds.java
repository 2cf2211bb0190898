package io.jifen.admin.ledger;

import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.webhook.DomainEvent;

import java.util.List;

/** The balance thresholds a merchant watches (e.g. to issue a coupon at 1,000 points), as events. */
public final class Thresholds {
    private Thresholds() {
    }

    /** One event per threshold the account's balance passed on its way up in this transaction. */
    public static List<DomainEvent> crossed(LedgerPolicy policy, Account account) {
        return policy.thresholdsCrossed(account.balanceBefore, account.balance).stream()
                .<DomainEvent>map(t -> new DomainEvent.ThresholdCrossed(account.memberId, account.externalId, t,
                        account.balance))
                .toList();
    }
}
