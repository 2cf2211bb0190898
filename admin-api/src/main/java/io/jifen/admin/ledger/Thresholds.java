package io.jifen.admin.ledger;

import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.webhook.DomainEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The balance thresholds a merchant watches (e.g. to issue a coupon at 1,000 points), as events. */
public final class Thresholds {
    private Thresholds() {
    }

    /** One event per threshold the balance passed on its way up from {@code before} to {@code after}. */
    public static List<DomainEvent> crossed(LedgerPolicy policy, long memberId, String externalId, long before, long after) {
        return policy.thresholdsCrossed(before, after).stream().map(t -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("memberId", externalId);
            data.put("threshold", t);
            data.put("balance", after);
            return new DomainEvent(DomainEvent.THRESHOLD_CROSSED, memberId, data);
        }).toList();
    }
}
