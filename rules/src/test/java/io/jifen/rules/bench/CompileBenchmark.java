package io.jifen.rules.bench;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time to compile a rule set into a program, each invocation with a fresh {@link LoyaltyEngine} so the
 * program cache never hits: the full path (translate, parse, safety check, KIE build, KieBase).
 * Single shot: one compile per iteration. Warm-up iterations warm the JVM (class loading, JIT), so
 * the measured figure is a cache miss in a running service; the first warm-up iteration shows the
 * cold-JVM compile.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class CompileBenchmark {
    private RuleSet reference;
    private RuleSet generated1000;

    @Setup(Level.Trial)
    public void setUp() {
        reference = ReferenceProgram.ruleSet();
        generated1000 = GeneratedTables.categoryRates(1000);
    }

    @Benchmark
    public CompilationResult referenceProgram() {
        return compiled(reference);
    }

    @Benchmark
    public CompilationResult csvTable1000Rows() {
        return compiled(generated1000);
    }

    private static CompilationResult compiled(RuleSet ruleSet) {
        CompilationResult result = new LoyaltyEngine().compile(ruleSet);
        if (!(result instanceof CompilationResult.Compiled)) {
            throw new IllegalStateException("rule set rejected: " + result);
        }
        return result;
    }
}
