package io.jifen.rules.bench;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.KieBaseBuild;
import io.jifen.engine.compile.RuleSetCompiler;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.Phase;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.ProgramCalendar;
import io.jifen.engine.facts.Purchase;
import io.jifen.engine.facts.RuleActions;
import io.jifen.rules.ReferenceProgram;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Purchase evaluations per second on one thread, three ways, on the same 64 purchases
 * ({@link BenchPurchases}) taken in turn:
 * <ul>
 *   <li>{@code jifen}: {@link CompiledProgram#evaluatePurchase}, the product path (input checks, a
 *       session per call with the intent recorder, points arithmetic, tier decision).</li>
 *   <li>{@code rawDrools}: the same rules in plain Drools — a knowledge base built by the engine's own
 *       {@link RuleSetCompiler} from the same rule set (the compiler {@code LoyaltyEngine} uses), a new
 *       {@code KieSession} per purchase with {@code actions} set to a {@link RuleActions} with a no-op
 *       sink, the facts the engine inserts, the five phases focused, {@code fireAllRules}, dispose.</li>
 *   <li>{@code rawDroolsPooled}: the same with the session taken from {@code KieBase.newKieSessionsPool(1)}
 *       ({@code dispose} resets it and returns it to the pool). For information only: it is NOT a correct
 *       evaluation of the reference program. In Drools 10.2 a reset session keeps the activation groups'
 *       triggered recency while fact recency restarts, so on a reused session several rules of one
 *       activation group can fire (the spend-threshold campaign then pays 250 + 100 instead of 250;
 *       seen in DecisionTablesInEveryFormatTest when the engine was tried with a pool). The engine
 *       therefore does not pool sessions.</li>
 *   <li>{@code handWritten}: {@link HandWrittenProgram}, the rules in plain Java.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Thread)
public class PurchaseEvaluationBenchmark {
    private static final List<Phase> EARNING = List.of(Phase.BASE, Phase.MULTIPLIER, Phase.BONUS, Phase.CAP, Phase.TIER);

    private List<BenchPurchases.Case> cases;
    private int next;
    private CompiledProgram program;
    private KieBase kieBase;
    private KieSessionsPool pool;
    private RuleActions noOpActions;

    @Setup(Level.Trial)
    public void setUp() {
        cases = BenchPurchases.cases();
        program = new LoyaltyEngine().compile(ReferenceProgram.ruleSet()).orThrow();
        KieBaseBuild build = new RuleSetCompiler().build(ReferenceProgram.ruleSet());
        kieBase = ((KieBaseBuild.Built) build).kieBase();
        pool = kieBase.newKieSessionsPool(1);
        noOpActions = new RuleActions(intent -> { });
        // every purchase must complete, or the benchmark measures refusals
        for (BenchPurchases.Case c : cases) {
            if (!(program.evaluatePurchase(c.context(), c.purchase()) instanceof Evaluation.Completed<EarningOutcome>)) {
                throw new IllegalStateException("benchmark purchase does not complete: " + c.purchase());
            }
        }
    }

    private BenchPurchases.Case nextCase() {
        BenchPurchases.Case c = cases.get(next);
        next = (next + 1) & (BenchPurchases.SIZE - 1);
        return c;
    }

    @Benchmark
    public Evaluation<EarningOutcome> jifen() {
        BenchPurchases.Case c = nextCase();
        return program.evaluatePurchase(c.context(), c.purchase());
    }

    @Benchmark
    public int rawDrools() {
        return raw(kieBase.newKieSession());
    }

    /** The same, with the session taken from a {@code KieSessionsPool} (dispose resets it and puts it back). */
    @Benchmark
    public int rawDroolsPooled() {
        return raw(pool.newKieSession());
    }

    private int raw(KieSession session) {
        BenchPurchases.Case c = nextCase();
        Purchase purchase = c.purchase();
        try {
            session.setGlobal("actions", noOpActions);
            session.insert(purchase);
            for (LineItem line : purchase.getLines()) {
                session.insert(line);
            }
            session.insert(c.context().member());
            session.insert(c.context().activity().withSpendUnderEvaluation(purchase.getTotal()));
            session.insert(new ProgramCalendar(purchase.getOccurredAt(), c.context().zone()));
            for (int i = EARNING.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(EARNING.get(i).agendaGroup()).setFocus();
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public long handWritten() {
        BenchPurchases.Case c = nextCase();
        return HandWrittenProgram.totalPoints(c.context(), c.purchase());
    }
}
