package io.jifen.admin.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ledger written over several days, in a test that runs in minutes. The day of an entry is the
 * merchant-local day of its {@code created_at}, which the database's clock sets and a test cannot move;
 * so a test writes one day's operations, then dates them to that day here, as the database would have
 * on that day. Only entries not rolled up yet may be dated: the rollup has counted the others on their day.
 */
public final class LedgerDays {
    private LedgerDays() {
    }

    /** Dates the merchant's entries written after {@code day} (the undated ones) at noon of that day, merchant-local. */
    public static void date(String merchantCode, LocalDate day) {
        try (Connection c = Database.tests().connect();
             PreparedStatement s = c.prepareStatement("""
                     update ledger_entry e set created_at = (cast(? as date) + time '12:00') at time zone m.time_zone
                     from merchant m where m.id = e.merchant_id and m.code = ?
                       and e.created_at >= cast(cast(? as date) + 1 as timestamp) at time zone m.time_zone
                     returning e.id <= (select rolled_through from liability_rollup) as rolled""")) {
            s.setObject(1, day);
            s.setString(2, merchantCode);
            s.setObject(3, day);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getBoolean("rolled")) {
                        throw new IllegalStateException("an entry dated to " + day + " was rolled up already");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The oracle: the merchant's entries summed by merchant-local day and kind (both buckets), straight
     * from ledger_entry: {@code day -> kind -> points}.
     */
    public static Map<LocalDate, Map<String, Long>> byDayAndKind(String merchantCode) {
        Map<LocalDate, Map<String, Long>> days = new LinkedHashMap<>();
        try (Connection c = Database.tests().connect();
             PreparedStatement s = c.prepareStatement("""
                     select cast(e.created_at at time zone m.time_zone as date) as day, e.kind, sum(e.points) as points
                     from ledger_entry e join merchant m on m.id = e.merchant_id where m.code = ?
                     group by 1, 2 order by 1, 2""")) {
            s.setString(1, merchantCode);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    days.computeIfAbsent(r.getObject("day", LocalDate.class), d -> new LinkedHashMap<>())
                            .put(r.getString("kind"), r.getLong("points"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return days;
    }

    /** The sums of the merchant's members' balances and pending points: {available, pending}. */
    public static long[] memberTotals(String merchantCode) {
        try (Connection c = Database.tests().connect();
             PreparedStatement s = c.prepareStatement("""
                     select coalesce(sum(balance), 0) as available, coalesce(sum(pending), 0) as pending
                     from member m join merchant mc on mc.id = m.merchant_id where mc.code = ?""")) {
            s.setString(1, merchantCode);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong("available"), r.getLong("pending")};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
