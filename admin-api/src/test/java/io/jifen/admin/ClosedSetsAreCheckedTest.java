package io.jifen.admin;

import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.merchant.ExpiryRule;
import io.jifen.admin.redemption.catalog.CodeSource;
import io.jifen.admin.redemption.catalog.ItemType;
import io.jifen.admin.redemption.order.DrawOutcome;
import io.jifen.admin.redemption.order.OrderStatus;
import io.jifen.admin.security.Role;
import io.jifen.admin.support.Database;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V15: PostgreSQL itself refuses a value outside its closed set in every checked column, and takes
 * every name of the enums that write them. Plain JDBC in one transaction that is rolled back, so
 * nothing stays behind; Quarkus runs only for Flyway to have migrated the schema.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class ClosedSetsAreCheckedTest {
    /** SQLState check_violation. */
    private static final String CHECK_VIOLATION = "23514";

    private Connection db;
    /** One row of each table, by table name. */
    private final Map<String, Long> rows = new LinkedHashMap<>();

    @BeforeEach
    void oneRowInEveryTable() throws SQLException {
        db = Database.tests().connect();
        db.setAutoCommit(false);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long merchant = id("insert into merchant (code, name, time_zone, currency) values (?, 'Checks', 'UTC', 'CNY') returning id",
                "checks-" + unique);
        rows.put("merchant", merchant);
        execute("insert into api_key (id, merchant_id, role, secret_hash, label, created_by) values (?, ?, 'QA', ?, 'checks', 'test')",
                "key-" + unique, merchant, unique.getBytes());
        long member = id("insert into member (merchant_id, external_id, enrolled_on) values (?, 'm1', current_date) returning id", merchant);
        rows.put("member", member);
        long transaction = id("""
                insert into loyalty_transaction (merchant_id, external_id, kind, member_id, occurred_at, payload_hash,
                                                 total_points, result)
                values (?, 't1', 'PURCHASE', ?, now(), 'h', 0, '{}') returning id""", merchant, member);
        rows.put("loyalty_transaction", transaction);
        rows.put("ledger_entry", id("insert into ledger_entry (merchant_id, member_id, kind, points, balance_after, reason)"
                + " values (?, ?, 'EARN', 1, 1, 'r') returning id", merchant, member));
        rows.put("tier_change", id("insert into tier_change (merchant_id, member_id, from_tier, to_tier, cause, reason)"
                + " values (?, ?, '', 'GOLD', 'MANUAL', 'r') returning id", merchant, member));
        rows.put("outbox_event", id("insert into outbox_event (merchant_id, type, payload) values (?, 'points.earned', '{}') returning id",
                merchant));
        long item = id("insert into mall_item (merchant_id, sku, name, type, base_points, code_source)"
                + " values (?, 'i1', 'Item', 'VIRTUAL', 10, 'POOL') returning id", merchant);
        rows.put("mall_item", item);
        long order = id("insert into redemption_order (merchant_id, external_id, member_id, item_id, transaction_id, status, points)"
                + " values (?, 'o1', ?, ?, ?, 'ISSUED', 10) returning id", merchant, member, item, transaction);
        rows.put("redemption_order", order);
        rows.put("lottery_draw", id("insert into lottery_draw (merchant_id, item_id, member_id, order_id, random_value, odds,"
                + " outcome, drawn_at) values (?, ?, ?, ?, 0, '[]', 'NO_PRIZE', now()) returning id", merchant, item, member, order));
    }

    @AfterEach
    void leaveNothingBehind() throws SQLException {
        db.rollback();
        db.close();
    }

    @Test
    void aValueOutsideItsSetIsRefusedInEveryCheckedColumn() throws SQLException {
        List<String[]> columns = List.of(
                new String[] {"merchant", "rounding"}, new String[] {"merchant", "stacking"},
                new String[] {"merchant", "expiry_policy"}, new String[] {"merchant", "shortfall_policy"},
                new String[] {"api_key", "role"}, new String[] {"member", "status"},
                new String[] {"loyalty_transaction", "kind"}, new String[] {"ledger_entry", "kind"},
                new String[] {"ledger_entry", "bucket"}, new String[] {"tier_change", "cause"},
                new String[] {"outbox_event", "type"}, new String[] {"mall_item", "type"},
                new String[] {"mall_item", "code_source"}, new String[] {"redemption_order", "status"},
                new String[] {"lottery_draw", "outcome"});
        for (String[] column : columns) {
            String table = column[0];
            String name = column[1];
            Savepoint before = db.setSavepoint();
            // lower case: the right letters in the wrong case are no more a value than a typo is
            assertThatThrownBy(() -> set(table, name, "nonsense"))
                    .as(table + "." + name).isInstanceOf(SQLException.class)
                    .satisfies(e -> {
                        assertThat(((SQLException) e).getSQLState()).isEqualTo(CHECK_VIOLATION);
                        assertThat(e.getMessage()).contains(table + "_" + name + "_check_values");
                    });
            db.rollback(before);
        }
    }

    @Test
    void everyNameOfTheEnumsThatWriteThemIsTaken() throws SQLException {
        takes("member", "status", MemberStatus.values());
        takes("merchant", "expiry_policy", ExpiryRule.values());
        takes("api_key", "role", Role.values());
        takes("mall_item", "type", ItemType.values());
        takes("mall_item", "code_source", CodeSource.values());
        takes("redemption_order", "status", OrderStatus.values());
        takes("lottery_draw", "outcome", DrawOutcome.values());
    }

    private void takes(String table, String column, Enum<?>[] values) throws SQLException {
        for (String value : Arrays.stream(values).map(Enum::name).toList()) {
            assertThat(set(table, column, value)).as(table + "." + column + " = " + value).isEqualTo(1);
        }
    }

    /** api_key is keyed by its text id; its one row here is the merchant's. */
    private int set(String table, String column, String value) throws SQLException {
        String where = table.equals("api_key") ? "merchant_id = ?" : "id = ?";
        long key = table.equals("api_key") ? rows.get("merchant") : rows.get(table);
        return execute("update " + table + " set " + column + " = ? where " + where, value, key);
    }

    private long id(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepared(sql, parameters); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private int execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepared(sql, parameters)) {
            return s.executeUpdate();
        }
    }

    private PreparedStatement prepared(String sql, Object... parameters) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
