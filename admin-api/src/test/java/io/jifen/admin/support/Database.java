package io.jifen.admin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Where a test's tables live: a PostgreSQL server (JDBC URL without parameters), credentials and a schema. */
public record Database(String url, String user, String password, String schema) {

    /** The unit tests' schema ({@code $JIFEN_TEST_SCHEMA}) on the machine's PostgreSQL. */
    public static Database tests() {
        return new Database(FreshTestSchema.URL, FreshTestSchema.USER, FreshTestSchema.PASSWORD, FreshTestSchema.SCHEMA);
    }

    /** The machine's PostgreSQL (as the unit tests reach it), in another schema. */
    public static Database testServerSchema(String schema) {
        return new Database(FreshTestSchema.URL, FreshTestSchema.USER, FreshTestSchema.PASSWORD, schema);
    }

    /** A connection whose search_path is the schema. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public void dropSchema() {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must run on " + url + " for the tests (see docs/operations.md)", e);
        }
    }
}
