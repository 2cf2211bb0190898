package io.jifen.admin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

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

    /** How often the liability rollup runs (also read by its @Scheduled); "off" disables it. */
    @WithName("liability-every")
    @WithDefault("1m")
    String liabilityEvery();

    /** At most this many ledger entry ids are rolled up per database transaction. */
    @WithName("liability-batch")
    @WithDefault("1000000")
    long liabilityBatch();

    /** How old the breakage figures may grow before a rollup run recomputes them (a scan of every lot). */
    @WithName("breakage-every")
    @WithDefault("24h")
    Duration breakageEvery();
}
