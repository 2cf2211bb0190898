package io.jifen.admin.ledger;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.PayloadHash;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An idempotent write as it arrives: the merchant, the caller's id for it (unique per merchant across
 * every kind), its kind, the request in canonical JSON (hashed: the same id with another payload is a
 * 409) and the API key making it (audit).
 */
public record OperationCommand(Merchant merchant, String operationId, TransactionKind kind, PayloadHash.Canonical request,
                               String actorKeyId) {

    /** The command for {@code request} (with whatever else identifies it, e.g. the member in the path). */
    public static OperationCommand of(Merchant merchant, String operationId, TransactionKind kind, Object request,
                                      String actorKeyId) {
        return new OperationCommand(merchant, operationId, kind, PayloadHash.canonical(request), actorKeyId);
    }

    /** The operation's row on {@code memberId}'s account, keeping the canonical request as its payload. */
    public Ledger.OperationRow row(long memberId, Instant occurredAt, String reason) {
        return row(memberId, null, null, null, null, occurredAt, request.json(), reason);
    }

    /** The row with everything an operation may name: a receiver, the transaction it refers to, a version, an amount. */
    public Ledger.OperationRow row(long memberId, Long counterpartyId, Long originalId, Long ruleVersionId,
                                   BigDecimal amount, Instant occurredAt, String payload, String reason) {
        return new Ledger.OperationRow(merchant.id, operationId, kind, memberId, counterpartyId, originalId,
                ruleVersionId, amount, occurredAt, request.hash(), payload, reason, actorKeyId);
    }
}
