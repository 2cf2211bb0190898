package io.jifen.admin.shared;

/**
 * Writes a feature adds to another feature's statement (a campaign's counters to a posting's), so both are
 * one statement and one round trip: {@code onlyIfRowsIn} names the CTE whose row decides whether anything is
 * written (the posting's {@code tx}: empty when its id was taken meanwhile), {@code transactionId} the SQL
 * expression of the transaction row's id.
 */
@FunctionalInterface
public interface StatementPart {
    StatementPart NONE = (statement, onlyIfRowsIn, transactionId) -> {
    };

    void addTo(SqlStatement statement, String onlyIfRowsIn, String transactionId);
}
