package io.jifen.rules.bench;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.EngineOptions;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Heap and metaspace of a service that compiles many large rule sets and then evicts them: compile
 * {@code tables} different CSV decision tables of {@code rows} rows one after another through one
 * {@link LoyaltyEngine} (as uploads do), with the reference program compiled first and kept as the
 * live program; then {@code evictIdle} with only the reference program kept. Heap used and
 * metaspace used are read after full GCs (until a weakly reachable object is gone, then 3 more)
 * before the tables, at the peak (all tables cached) and after eviction, with the classes loaded
 * and unloaded so far. Mode {@code keep} is the yardstick: the same run without eviction, as the
 * engine behaved before (an LRU of 64 held all 30).
 * Not a timed test; see BENCHMARKS.md section 7 for the command.
 */
public final class EvictionFootprint {
    private EvictionFootprint() {
    }

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        boolean evict = args.length <= 2 || !args[2].equals("keep");
        boolean histogram = args.length > 3 && args[3].equals("histogram");
        System.out.println("java " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + Runtime.getRuntime().availableProcessors()
                + " cpus; " + tables + " tables of " + rows + " rows, " + (evict ? "evicting" : "no eviction (yardstick)"));
        // idle time 0: whatever is not kept is idle at the sweep; capacity above the tables, as the old LRU of 64 was
        LoyaltyEngine engine = new LoyaltyEngine(new EngineOptions(10_000, 64).withIdleTime(Duration.ZERO));
        RuleSet live = ReferenceProgram.ruleSet();
        CompiledProgram liveProgram = engine.compile(live).orThrow();
        System.out.println("live program: reference, " + liveProgram.ruleNames().size() + " rules, "
                + live.totalBytes() + " bytes");
        // warm-up: load Drools' own classes and fill its static caches, then drop the table again
        engine.compile(GeneratedTables.categoryRates(rows, "warmup")).orThrow();
        engine.evictIdle(Set.of(live.contentHash()));
        Snapshot before = Snapshot.take("before");
        Map<String, long[]> histogramBefore = histogram ? classHistogram() : Map.of();
        Snapshot peak = null;
        long start = System.nanoTime();
        for (int i = 0; i < tables; i++) {
            long t = System.nanoTime();
            CompiledProgram p = engine.compile(GeneratedTables.categoryRates(rows, "t" + i)).orThrow();
            System.out.printf("table %2d: %d rules in %,d ms%n", i + 1, p.ruleNames().size(),
                    (System.nanoTime() - t) / 1_000_000);
        }
        long compiling = (System.nanoTime() - start) / 1_000_000;
        peak = Snapshot.take("peak (" + engine.cacheStats().size() + " cached)");
        int evicted = evict ? engine.evictIdle(Set.of(live.contentHash())) : 0;
        Snapshot after = Snapshot.take("after eviction (" + evicted + " evicted, " + engine.cacheStats().size()
                + " cached)");
        if (histogram) {
            printGrowth(histogramBefore, classHistogram());
        }
        System.out.printf("compiling %d tables: %,d ms%n", tables, compiling);
        for (Snapshot s : new Snapshot[] {before, peak, after}) {
            System.out.println(s);
        }
        System.out.printf("after - before: heap %+.1f MB, metaspace %+.1f MB; peak - before: heap %+.1f MB,"
                        + " metaspace %+.1f MB%n", mb(after.heap - before.heap), mb(after.metaspace - before.metaspace),
                mb(peak.heap - before.heap), mb(peak.metaspace - before.metaspace));
        // the live program must still evaluate after the sweep
        if (!engine.isCached(live.contentHash()) || liveProgram.ruleNames().isEmpty()) {
            throw new IllegalStateException("the live program was evicted");
        }
    }

    /** Class name to {instances, bytes}, live objects only (the JVM's GC.class_histogram). */
    private static Map<String, long[]> classHistogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, long[]> byClass = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    byClass.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
            return byClass;
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes whose live bytes grew most from {@code before} to {@code after}: what stays behind. */
    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after) {
        System.out.println("live objects grown most from before to after (class, instances, bytes):");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(15)
                .forEach(e -> System.out.printf("  %-90s %+,9d %+,12d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private record Snapshot(String label, long heap, long metaspace, long metaspaceCommitted, long classesLoaded,
                            long classesUnloaded) {
        static Snapshot take(String label) {
            collectGarbage();
            MemoryPoolMXBean meta = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getName().equals("Metaspace")).findFirst().orElseThrow();
            ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
            return new Snapshot(label, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                    meta.getUsage().getUsed(), meta.getUsage().getCommitted(), classes.getLoadedClassCount(),
                    classes.getUnloadedClassCount());
        }

        /** Full GCs until a weakly reachable object is provably collected, then a few more (class unloading, cleaners). */
        private static void collectGarbage() {
            WeakReference<Object> sentinel = new WeakReference<>(new Object());
            for (int attempt = 0; sentinel.get() != null && attempt < 50; attempt++) {
                System.gc();
            }
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
        }

        @Override
        public String toString() {
            return String.format("%-32s heap used %7.1f MB, metaspace used %7.1f MB (committed %7.1f MB),"
                            + " classes loaded %,d, unloaded so far %,d", label + ":", mb(heap), mb(metaspace),
                    mb(metaspaceCommitted), classesLoaded, classesUnloaded);
        }
    }
}
