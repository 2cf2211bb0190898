package io.jifen.admin.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's invariants, checked straight in the database for every member of a merchant:
 * balance = sum of its AVAILABLE entries and pending = sum of its PENDING entries; the released lots
 * hold max(balance, 0) and the pending lots hold pending; the balance is negative only where the
 * merchant allows it; every entry names its cause (a transaction, or the lot it expires or releases);
 * balance_after chains entry by entry.
 */
public final class LedgerInvariants {
    private LedgerInvariants() {
    }

    /** Every violation found among the merchant's members, described; empty when the ledger is sound. */
    public static List<String> violations(String merchantCode) {
        return violations(Database.tests(), merchantCode);
    }

    /** The same, in another database or schema (the integration tests' service processes). */
    public static List<String> violations(Database db, String merchantCode) {
        List<String> found = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            collect(s, found, """
                    select m.external_id || ': balance ' || m.balance || ' but AVAILABLE entries sum to '
                           || coalesce(e.available, 0) || ', pending ' || m.pending || ' but PENDING entries sum to '
                           || coalesce(e.pending, 0)
                    from member m join merchant mc on mc.id = m.merchant_id
                    left join (select member_id, sum(points) filter (where bucket = 'AVAILABLE') as available,
                                      sum(points) filter (where bucket = 'PENDING') as pending
                               from ledger_entry group by member_id) e on e.member_id = m.id
                    where mc.code = '%1$s' and (m.balance <> coalesce(e.available, 0) or m.pending <> coalesce(e.pending, 0))
                    """.formatted(merchantCode));
            collect(s, found, """
                    select m.external_id || ': released lots hold ' || coalesce(l.released, 0) || ' for balance '
                           || m.balance || ', pending lots hold ' || coalesce(l.held, 0) || ' for pending ' || m.pending
                    from member m join merchant mc on mc.id = m.merchant_id
                    left join (select member_id, sum(remaining) filter (where released) as released,
                                      sum(remaining) filter (where not released) as held
                               from point_lot group by member_id) l on l.member_id = m.id
                    where mc.code = '%1$s'
                      and (coalesce(l.released, 0) <> greatest(m.balance, 0) or coalesce(l.held, 0) <> m.pending)
                    """.formatted(merchantCode));
            collect(s, found, """
                    select m.external_id || ': negative balance ' || m.balance || ' under ' || mc.shortfall_policy
                    from member m join merchant mc on mc.id = m.merchant_id
                    where mc.code = '%1$s' and (m.balance < 0 and mc.shortfall_policy <> 'ALLOW_NEGATIVE' or m.pending < 0)
                    """.formatted(merchantCode));
            collect(s, found, """
                    select 'entry ' || e.id || ' (' || e.kind || ') names no cause'
                    from ledger_entry e join merchant mc on mc.id = e.merchant_id
                    where mc.code = '%1$s' and e.transaction_id is null and e.lot_id is null
                    """.formatted(merchantCode));
            collect(s, found, """
                    select 'entry ' || id || ' of member ' || member_id || ': balance_after ' || balance_after
                           || ' is not the running sum ' || running
                    from (select e.id, e.member_id, e.balance_after,
                                 sum(e.points) over (partition by e.member_id, e.bucket order by e.id) as running
                          from ledger_entry e join merchant mc on mc.id = e.merchant_id where mc.code = '%1$s') x
                    where balance_after <> running
                    """.formatted(merchantCode));
            collect(s, found, """
                    select 'lot ' || l.id || ': consumed ' || coalesce(c.used, 0) || ' + remaining ' || l.remaining
                           || ' + expired ' || l.expired || ' exceed its ' || l.points || ' points'
                    from point_lot l join merchant mc on mc.id = l.merchant_id
                    left join (select lot_id, sum(points - restored) as used from lot_consumption group by lot_id) c on c.lot_id = l.id
                    where mc.code = '%1$s' and coalesce(c.used, 0) + l.remaining + l.expired > l.points
                    """.formatted(merchantCode));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /**
     * Transactions of the merchant that were not written whole: a row without its stored result; a
     * purchase or event with points but without its one lot of those points or without EARN entries
     * summing to them; a debit, adjustment or refund whose entries do not sum to its points; a
     * transfer whose sender's entries do not sum to its points or whose receiver's do not mirror them.
     * Empty when every posting is complete. Each transaction is written in one database transaction,
     * so this holds after a crash or a database outage as much as in normal operation.
     */
    public static List<String> halfWrittenTransactions(Database db, String merchantCode) {
        List<String> found = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            collect(s, found, """
                    select t.kind || ' ' || t.external_id || ': no stored result'
                    from loyalty_transaction t join merchant mc on mc.id = t.merchant_id
                    where mc.code = '%1$s' and (t.result is null or t.result = '')
                    """.formatted(merchantCode));
            collect(s, found, """
                    select t.kind || ' ' || t.external_id || ': ' || t.total_points || ' points but '
                           || (select count(*) from point_lot l where l.transaction_id = t.id) || ' lot(s) holding '
                           || coalesce((select sum(l.points) from point_lot l where l.transaction_id = t.id), 0)
                           || ' and EARN entries summing to '
                           || coalesce((select sum(e.points) from ledger_entry e
                                        where e.transaction_id = t.id and e.kind = 'EARN'), 0)
                    from loyalty_transaction t join merchant mc on mc.id = t.merchant_id
                    where mc.code = '%1$s' and t.kind in ('PURCHASE', 'EVENT') and t.total_points > 0
                      and ((select count(*) from point_lot l where l.transaction_id = t.id) <> 1
                           or (select sum(l.points) from point_lot l where l.transaction_id = t.id) <> t.total_points
                           or coalesce((select sum(e.points) from ledger_entry e
                                        where e.transaction_id = t.id and e.kind = 'EARN'), 0) <> t.total_points)
                    """.formatted(merchantCode));
            collect(s, found, """
                    select t.kind || ' ' || t.external_id || ': ' || t.total_points || ' points but its entries sum to '
                           || coalesce((select sum(e.points) from ledger_entry e
                                        where e.transaction_id = t.id and e.member_id = t.member_id), 0)
                    from loyalty_transaction t join merchant mc on mc.id = t.merchant_id
                    where mc.code = '%1$s' and t.kind in ('DEBIT', 'ADJUSTMENT', 'REFUND', 'TRANSFER')
                      and coalesce((select sum(e.points) from ledger_entry e
                                    where e.transaction_id = t.id and e.member_id = t.member_id), 0) <> t.total_points
                    """.formatted(merchantCode));
            collect(s, found, """
                    select 'TRANSFER ' || t.external_id || ': ' || -t.total_points || ' points sent but the receiver got '
                           || coalesce((select sum(e.points) from ledger_entry e
                                        where e.transaction_id = t.id and e.member_id = t.counterparty_id), 0)
                    from loyalty_transaction t join merchant mc on mc.id = t.merchant_id
                    where mc.code = '%1$s' and t.kind = 'TRANSFER'
                      and coalesce((select sum(e.points) from ledger_entry e
                                    where e.transaction_id = t.id and e.member_id = t.counterparty_id), 0) <> -t.total_points
                    """.formatted(merchantCode));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void collect(Statement s, List<String> found, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
    }

    /** One value from the test schema, e.g. a count. */
    public static long scalar(String sql) {
        return scalar(Database.tests(), sql);
    }

    /** One value from another database or schema. */
    public static long scalar(Database db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
