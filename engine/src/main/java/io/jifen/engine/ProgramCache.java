package io.jifen.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Compiled rule sets by content hash. Two threads asking for the same hash at once share one
 * compilation. Only compiled programs are kept: a rejected rule set changes its hash when fixed, and
 * a refusal (busy, timed out) says nothing about the files.
 *
 * <p>Programs whose hash the caller asked to keep (live and scheduled versions) are never evicted.
 * Of the others, at most {@code capacity} stay, least recently used evicted first, and
 * {@link #evictIdle} drops those unused for longer than {@code idle}. Evicting only drops the
 * cache's reference: an evaluation holding the program finishes on it, and once nothing refers to
 * the program its knowledge base and generated classes can be collected and unloaded.
 */
final class ProgramCache {
    private final int capacity;
    private final Duration idle;
    private final InstantSource clock;
    /** Access order: the eldest is the least recently used. Guarded by itself. */
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private Set<String> kept = Set.of();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    private static final class Entry {
        final CompletableFuture<CompilationResult> future = new CompletableFuture<>();
        volatile Instant lastUsed;

        Entry(Instant now) {
            lastUsed = now;
        }
    }

    ProgramCache(int capacity, Duration idle, InstantSource clock) {
        this.capacity = capacity;
        this.idle = idle;
        this.clock = clock;
    }

    CompilationResult get(String hash, Supplier<CompilationResult> compile) {
        Entry entry;
        boolean mine = false;
        synchronized (entries) {
            entry = entries.get(hash);
            if (entry == null) {
                entry = new Entry(clock.instant());
                entries.put(hash, entry);
                mine = true;
                misses.increment();
            } else {
                entry.lastUsed = clock.instant();
                hits.increment();
            }
        }
        if (mine) {
            try {
                CompilationResult result = compile.get();
                entry.future.complete(result);
                if (result instanceof CompilationResult.Compiled) {
                    evictBeyondCapacity();
                } else {
                    forget(hash, entry);
                }
            } catch (RuntimeException | Error e) {
                entry.future.completeExceptionally(e);
                forget(hash, entry);
                throw e;
            }
        }
        return entry.future.join();
    }

    /**
     * Keeps exactly the programs of {@code keep} from now on, and evicts every other compiled
     * program unused for longer than the idle time. Returns how many were evicted.
     */
    int evictIdle(Set<String> keep) {
        Instant cutoff = clock.instant().minus(idle);
        int evicted = 0;
        synchronized (entries) {
            kept = Set.copyOf(keep);
            for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Entry> e = it.next();
                if (evictable(e) && !e.getValue().lastUsed.isAfter(cutoff)) {
                    it.remove();
                    evicted++;
                }
            }
        }
        evictions.add(evicted);
        return evicted;
    }

    private void evictBeyondCapacity() {
        synchronized (entries) {
            long others = entries.keySet().stream().filter(h -> !kept.contains(h)).count();
            for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
                 others > capacity && it.hasNext(); ) {
                if (evictable(it.next())) {
                    it.remove();
                    others--;
                    evictions.increment();
                }
            }
        }
    }

    /** Not kept, and compiled already: a compile in flight is never dropped from under its waiters. */
    private boolean evictable(Map.Entry<String, Entry> e) {
        return !kept.contains(e.getKey()) && e.getValue().future.isDone();
    }

    private void forget(String hash, Entry entry) {
        synchronized (entries) {
            entries.remove(hash, entry);
        }
    }

    /** The compiled program of these files if it is cached and done, else null; does not count as a use. */
    CompilationResult peek(String hash) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(hash);
        }
        if (entry == null || !entry.future.isDone() || entry.future.isCompletedExceptionally()) {
            return null;
        }
        CompilationResult result = entry.future.join();
        return result instanceof CompilationResult.Compiled ? result : null;
    }

    /** Whether a program (or its compile in flight) is cached; does not count as a use. */
    boolean contains(String hash) {
        synchronized (entries) {
            return entries.containsKey(hash);
        }
    }

    CacheStats stats() {
        synchronized (entries) {
            return new CacheStats(entries.size(), capacity, hits.sum(), misses.sum(), evictions.sum());
        }
    }
}
