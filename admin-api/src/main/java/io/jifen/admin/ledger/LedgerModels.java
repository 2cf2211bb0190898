package io.jifen.admin.ledger;

import java.time.Instant;
import java.util.List;

public final class LedgerModels {
    private LedgerModels() {
    }

    /** One statement line: what moved the balance, by which rule of which version, and why. */
    public record StatementLine(long entryId, String kind, long points, long balanceAfter, String transactionId,
                                Integer ruleVersion, String rule, String family, String reason, Instant at) {
    }

    /** Newest first; pass {@code nextBefore} as {@code before} for the next page (null on the last page). */
    public record Statement(String memberId, long balance, List<StatementLine> entries, Long nextBefore) {
    }
}
