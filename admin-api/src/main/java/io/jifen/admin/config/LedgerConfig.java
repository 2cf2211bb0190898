package io.jifen.admin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The ledger's scheduled jobs (docs/operations.md). */
@ConfigMapping(prefix = "jifen.ledger")
public interface LedgerConfig {
    /** How often expiry, release and tier review run (also read by their @Scheduled); "off" disables them. */
    @WithName("jobs-every")
    @WithDefault("30s")
    String jobsEvery();

    /** At most this many lots are picked per batch; each batch is one database transaction. */
    @WithName("batch-size")
    @WithDefault("5000")
    int batchSize();
}
