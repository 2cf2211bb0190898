package io.jifen.admin.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a merchant's ledger holds, straight from the database: for before/after comparisons and per-id checks. */
public final class LedgerSnapshot {
    private LedgerSnapshot() {
    }

    /** A stored transaction row: its kind, the result replays answer with, and how many rows carry its id. */
    public record Stored(String kind, String result, long rows) {
    }

    /** Every transaction row of the merchant, by external id. */
    public static Map<String, Stored> transactions(Database db, String merchantCode) {
        Map<String, Stored> stored = new LinkedHashMap<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("""
                select t.external_id, min(t.kind), min(t.result), count(*)
                from loyalty_transaction t join merchant mc on mc.id = t.merchant_id
                where mc.code = ? group by t.external_id""")) {
            s.setString(1, merchantCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    /** Row counts and totals of the merchant's ledger: equal before and after anything that must write nothing. */
    public static Map<String, Long> totals(Database db, String merchantCode) {
        Map<String, Long> totals = new LinkedHashMap<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("""
                select (select count(*) from loyalty_transaction t where t.merchant_id = mc.id),
                       (select count(*) from ledger_entry e where e.merchant_id = mc.id),
                       (select coalesce(sum(e.points), 0) from ledger_entry e where e.merchant_id = mc.id),
                       (select count(*) from point_lot l where l.merchant_id = mc.id),
                       (select count(*) from lot_consumption lc join point_lot l on l.id = lc.lot_id where l.merchant_id = mc.id),
                       (select count(*) from member m where m.merchant_id = mc.id),
                       (select coalesce(sum(m.balance), 0) from member m where m.merchant_id = mc.id),
                       (select coalesce(sum(m.pending), 0) from member m where m.merchant_id = mc.id),
                       (select count(*) from outbox_event o where o.merchant_id = mc.id)
                from merchant mc where mc.code = ?""")) {
            s.setString(1, merchantCode);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no merchant " + merchantCode);
                }
                String[] names = {"transactions", "entries", "entry points", "lots", "lot consumptions", "members",
                        "balances", "pending", "outbox events"};
                for (int i = 0; i < names.length; i++) {
                    totals.put(names[i], rs.getLong(i + 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return totals;
    }
}
