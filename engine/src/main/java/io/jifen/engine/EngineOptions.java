package io.jifen.engine;

/**
 * Engine limits. {@code maxFiringsPerEvaluation} stops a runaway rule set (rules that keep
 * re-activating each other); {@code cacheCapacity} bounds how many compiled rule sets stay in memory.
 */
public record EngineOptions(int maxFiringsPerEvaluation, int cacheCapacity) {
    public static final EngineOptions DEFAULT = new EngineOptions(10_000, 64);

    public EngineOptions {
        if (maxFiringsPerEvaluation < 1) {
            throw new IllegalArgumentException("maxFiringsPerEvaluation must be at least 1");
        }
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException("cacheCapacity must be at least 1");
        }
    }
}
