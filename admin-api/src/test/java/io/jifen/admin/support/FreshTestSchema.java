package io.jifen.admin.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Drops the test schema before Quarkus starts, so Flyway creates it from the migrations on every run:
 * tests create what they use and never depend on leftovers.
 */
public class FreshTestSchema implements QuarkusTestResourceLifecycleManager {
    static final String URL = System.getenv().getOrDefault("JIFEN_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getenv().getOrDefault("JIFEN_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("JIFEN_DB_PASSWORD", "postgres");
    /** Separate schemas let two checkouts run their tests on one PostgreSQL at the same time. */
    static final String SCHEMA = System.getenv().getOrDefault("JIFEN_TEST_SCHEMA", "jifen_test");

    @Override
    public Map<String, String> start() {
        Database.tests().dropSchema();
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
