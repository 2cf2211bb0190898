package io.jifen.admin.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Jifen's own settings (everything under {@code jifen.}); see docs/operations.md. */
@ConfigMapping(prefix = "jifen")
public interface JifenConfig {

    /** The platform ADMIN key accepted before any key exists; replace it in production. */
    @WithName("bootstrap-admin-key")
    String bootstrapAdminKey();

    /** Seed the example merchants of examples/ at start, each when it does not exist yet. */
    @WithName("seed-example")
    @WithDefault("false")
    boolean seedExample();

    Engine engine();

    Activation activation();

    Db db();

    Webhooks webhooks();

    Postings postings();

    Outbox outbox();

    /** Pruning of delivered domain events (OutboxPruning); see docs/operations.md. */
    interface Outbox {
        /** How often each instance prunes ("off" disables it; also read by its @Scheduled). */
        @WithName("prune-every")
        @WithDefault("1h")
        String pruneEvery();

        /** Events are kept at least this long, and until every webhook delivery of theirs is finished. */
        @WithDefault("30d")
        Duration keep();
    }

    /** Group commit of postings (PostingBatcher); see docs/operations.md. */
    interface Postings {
        /**
         * Threads that run batches; 0 runs every posting alone, in its own transaction. 4 beat 8 in every
         * same-time pair on 2 cores (BENCHMARKS.md, section 4).
         */
        @WithDefault("4")
        @Min(0)
        @Max(256)
        int lanes();

        /** At most this many postings share one database transaction. */
        @WithName("batch-size")
        @WithDefault("32")
        @Min(1)
        @Max(1000)
        int batchSize();
    }

    /** Delivery of outbox events to merchant webhooks (WebhookDispatcher); see docs/operations.md. */
    interface Webhooks {
        /** How often the dispatcher looks for due deliveries ("off" disables it; also read by its @Scheduled). */
        @WithDefault("2s")
        String every();

        /** At most this many deliveries are claimed, and sent in parallel, per round. */
        @WithName("batch-size")
        @WithDefault("50")
        int batchSize();

        @WithName("connect-timeout")
        @WithDefault("5s")
        Duration connectTimeout();

        /** The receiver must answer within this time (after connecting), or the attempt fails. */
        @WithName("request-timeout")
        @WithDefault("10s")
        Duration requestTimeout();

        /** The wait after the first failed attempt; it doubles with every further failure. */
        @WithName("backoff-base")
        @WithDefault("10s")
        Duration backoffBase();

        /** The longest wait between two attempts (before jitter). */
        @WithName("backoff-max")
        @WithDefault("1h")
        Duration backoffMax();

        /** Up to this fraction of the wait is added at random, so failed deliveries do not retry in step. */
        @WithDefault("0.1")
        double jitter();

        /** After this many failed attempts a delivery is given up (failed). */
        @WithName("max-attempts")
        @WithDefault("10")
        int maxAttempts();

        /**
         * Networks (CIDR, e.g. 10.20.0.0/16) that webhooks may reach although they are loopback, private,
         * link-local or otherwise not public; none by default, so a merchant cannot point the service at
         * its own network (SSRF). See docs/operations.md.
         */
        @WithName("allowed-private-networks")
        Optional<List<String>> allowedPrivateNetworks();
    }

    interface Db {
        /** The PostgreSQL schema Jifen's tables live in; Flyway creates it when missing. */
        @WithDefault("jifen")
        String schema();
    }

    interface Activation {
        /** How often ActivationWatcher looks for activations taking effect (also read by its @Scheduled). */
        @WithDefault("5s")
        Duration poll();

        /** Programs of activations due within this window are compiled ahead of the switch. */
        @WithName("precompile-ahead")
        @WithDefault("60s")
        Duration precompileAhead();
    }

    /** Rule engine limits (EngineOptions); see docs/operations.md, "Rule engine limits", and docs/engine.md. */
    interface Engine {
        @WithName("max-firings-per-evaluation")
        @WithDefault("10000")
        @Min(1)
        int maxFiringsPerEvaluation();

        /** Compiled programs kept in memory that are neither live nor scheduled (those are always kept). */
        @WithName("cache-capacity")
        @WithDefault("64")
        @Min(1)
        int cacheCapacity();

        /** Rules in one rule set, all files together; the reference program has 32. */
        @WithName("max-rules")
        @WithDefault("2000")
        @Min(1)
        int maxRules();

        /** Rule rows in one decision table; a 1,000-row table compiles in about 4 s cold on 2 cores. */
        @WithName("max-table-rows")
        @WithDefault("1000")
        @Min(1)
        int maxTableRows();

        /** Bytes of one rule file. */
        @WithName("max-file-size")
        @WithDefault("512K")
        MemorySize maxFileSize();

        /** Bytes of all the files of one rule set. */
        @WithName("max-rule-set-size")
        @WithDefault("2M")
        MemorySize maxRuleSetSize();

        /** A compile running longer is abandoned: an upload gets 422 rule-set-too-slow. */
        @WithName("compile-timeout")
        @WithDefault("30s")
        Duration compileTimeout();

        /** Compiles at once; more get 503 compiler-busy with Retry-After. Absent: half the processors, at least 1. */
        @WithName("max-concurrent-compiles")
        Optional<Integer> maxConcurrentCompiles();

        /** A program neither live nor scheduled and unused this long is evicted at the next sweep. */
        @WithName("idle-time")
        @WithDefault("15m")
        Duration idleTime();

        /** How often the sweep runs ("off" disables it; also read by ProgramEviction's @Scheduled). */
        @WithName("evict-every")
        @WithDefault("1m")
        String evictEvery();
    }
}
