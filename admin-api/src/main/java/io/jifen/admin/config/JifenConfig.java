package io.jifen.admin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Jifen's own settings (everything under {@code jifen.}); see docs/operations.md. */
@ConfigMapping(prefix = "jifen")
public interface JifenConfig {

    /** The platform ADMIN key accepted before any key exists; replace it in production. */
    @WithName("bootstrap-admin-key")
    String bootstrapAdminKey();

    /** Seed the Fresh Harbour example merchant at start when it does not exist yet. */
    @WithName("seed-example")
    @WithDefault("false")
    boolean seedExample();

    Engine engine();

    Activation activation();

    Db db();

    interface Db {
        /** The PostgreSQL schema Jifen's tables live in; Flyway creates it when missing. */
        @WithDefault("jifen")
        String schema();
    }

    interface Activation {
        /** How often ActivationWatcher looks for activations taking effect (also read by its @Scheduled). */
        @WithDefault("5s")
        java.time.Duration poll();

        /** Programs of activations due within this window are compiled ahead of the switch. */
        @WithName("precompile-ahead")
        @WithDefault("60s")
        java.time.Duration precompileAhead();
    }

    interface Engine {
        @WithName("max-firings-per-evaluation")
        @WithDefault("10000")
        int maxFiringsPerEvaluation();

        @WithName("cache-capacity")
        @WithDefault("64")
        int cacheCapacity();
    }
}
