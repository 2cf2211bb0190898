package io.jifen.engine;

/** A snapshot of the compiled-program cache, for metrics. */
public record CacheStats(int size, int capacity, long hits, long misses, long evictions) {
}
