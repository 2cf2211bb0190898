package io.jifen.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Compiled rule sets by content hash, least recently used evicted first, at most {@code capacity}
 * entries. Two threads asking for the same hash at once share one compilation. Rejected rule sets
 * are not kept: fixing a file changes its hash anyway, and a bad upload must not evict good ones.
 */
final class ProgramCache {
    private final int capacity;
    private final Map<String, CompletableFuture<CompilationResult>> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    ProgramCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CompilationResult>> eldest) {
                boolean evict = size() > ProgramCache.this.capacity;
                if (evict) {
                    evictions.increment();
                }
                return evict;
            }
        };
    }

    CompilationResult get(String hash, Supplier<CompilationResult> compile) {
        CompletableFuture<CompilationResult> future;
        boolean mine = false;
        synchronized (entries) {
            future = entries.get(hash);
            if (future == null) {
                future = new CompletableFuture<>();
                entries.put(hash, future);
                mine = true;
                misses.increment();
            } else {
                hits.increment();
            }
        }
        if (mine) {
            try {
                CompilationResult result = compile.get();
                future.complete(result);
                if (result instanceof CompilationResult.Rejected) {
                    forget(hash, future);
                }
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
                forget(hash, future);
                throw e;
            }
        }
        return future.join();
    }

    private void forget(String hash, CompletableFuture<CompilationResult> future) {
        synchronized (entries) {
            entries.remove(hash, future);
        }
    }

    CacheStats stats() {
        synchronized (entries) {
            return new CacheStats(entries.size(), capacity, hits.sum(), misses.sum(), evictions.sum());
        }
    }
}
