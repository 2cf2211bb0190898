package io.jifen.rules.bench;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Retained heap of one compiled program, estimated: compile N copies (each with a fresh engine, so
 * none is shared through the cache), keep them reachable, and compare the used heap after repeated
 * full GCs with the used heap before. One warm-up compile first, so classes and Drools' static state
 * are not counted. The delta includes whatever the programs keep alive (KieBase, its rule classes'
 * metadata on the heap, translation results), not Metaspace (generated classes), reported apart.
 * Run: ./mvnw -B -q -pl rules exec:exec -Dbench.main=io.jifen.rules.bench.RetainedHeap -Dbench.args="20 5"
 */
public final class RetainedHeap {
    private RetainedHeap() {
    }

    public static void main(String[] args) {
        int referenceCopies = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int tableCopies = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println("java " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + Runtime.getRuntime().availableProcessors() + " cpus");
        measure("reference program", ReferenceProgram.ruleSet(), referenceCopies);
        measure("1000-row CSV table", GeneratedTables.categoryRates(1000), tableCopies);
    }

    private static void measure(String name, RuleSet ruleSet, int copies) {
        new LoyaltyEngine().compile(ruleSet).orThrow(); // warm-up: load classes, fill static caches
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long metaBefore = metaspace();
        List<CompiledProgram> kept = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            kept.add(new LoyaltyEngine().compile(ruleSet).orThrow());
        }
        long after = usedAfterGc(memory);
        long metaAfter = metaspace();
        System.out.printf("%s: %d programs, heap used %,d -> %,d bytes: %,d bytes (%.1f MB) per program;"
                        + " metaspace %,d bytes per program%n", name, copies, before, after, (after - before) / copies,
                (after - before) / (double) copies / (1024 * 1024), (metaAfter - metaBefore) / copies);
        if (kept.size() != copies) {
            throw new IllegalStateException();
        }
        kept.clear();
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            collectGarbage();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Runs GC until it has provably collected: an object reachable only weakly is gone. */
    private static void collectGarbage() {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        for (int attempt = 0; sentinel.get() != null && attempt < 50; attempt++) {
            System.gc();
        }
    }

    private static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
