package io.jifen.engine;

import io.jifen.engine.compile.KieBaseBuild;
import io.jifen.engine.compile.RuleDefinition;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.InputCheck;
import io.jifen.engine.evaluation.InputProblem;
import io.jifen.engine.evaluation.Intent;
import io.jifen.engine.evaluation.Phase;
import io.jifen.engine.evaluation.PointsCalculator;
import io.jifen.engine.evaluation.PointsOutOfRange;
import io.jifen.engine.evaluation.PriceCalculator;
import io.jifen.engine.evaluation.PriceQuote;
import io.jifen.engine.evaluation.RecordedIntent;
import io.jifen.engine.evaluation.TierDecision;
import io.jifen.engine.evaluation.TierOutcome;
import io.jifen.engine.facts.CatalogItem;
import io.jifen.engine.facts.MemberEvent;
import io.jifen.engine.facts.ProgramCalendar;
import io.jifen.engine.facts.Purchase;
import io.jifen.engine.facts.QuoteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rule set compiled and checked, ready to evaluate. Immutable and safe to share between threads:
 * each evaluation gets its own session, disposed before the method returns.
 */
public final class CompiledProgram {
    private static final List<Phase> EARNING = List.of(Phase.BASE, Phase.MULTIPLIER, Phase.BONUS, Phase.CAP, Phase.TIER);
    private static final List<Phase> TIER = List.of(Phase.TIER);
    private static final List<Phase> PRICING = List.of(Phase.PRICE, Phase.DISCOUNT, Phase.PAYMENT, Phase.REWARD);

    private final String id;
    private final KieBaseBuild.Built built;
    private final int maxFirings;
    /** {@code built.phases()} by package then rule name, so a firing finds its phase without concatenating a key. */
    private final Map<String, Map<String, Phase>> phasesByPackage;

    CompiledProgram(String id, KieBaseBuild.Built built, int maxFirings) {
        this.id = id;
        this.built = built;
        this.maxFirings = maxFirings;
        Map<String, Map<String, Phase>> byPackage = new HashMap<>();
        built.kieBase().getKiePackages().forEach(pkg -> pkg.getRules().forEach(rule -> {
            Phase phase = built.phases().get(KieBaseBuild.ruleKey(pkg.getName(), rule.getName()));
            if (phase != null) {
                byPackage.computeIfAbsent(pkg.getName(), k -> new HashMap<>()).put(rule.getName(), phase);
            }
        }));
        byPackage.replaceAll((pkg, rules) -> Map.copyOf(rules));
        this.phasesByPackage = Map.copyOf(byPackage);
    }

    /** The content hash of the rule set this program was compiled from. */
    public String id() {
        return id;
    }

    public List<String> ruleNames() {
        return built.ruleNames();
    }

    /** Every rule with its phase and where it is written, in the order the files were read. */
    public List<RuleDefinition> rules() {
        return built.rules();
    }

    /** Points for a paid purchase; tier rules run too, so an upgrade is known at once. */
    public Evaluation<EarningOutcome> evaluatePurchase(EvaluationContext context, Purchase purchase) {
        List<InputProblem> problems = InputCheck.purchase(purchase);
        if (!problems.isEmpty()) {
            return new Evaluation.Refused<>(problems);
        }
        List<Object> facts = new ArrayList<>();
        facts.add(purchase);
        facts.addAll(purchase.getLines());
        facts.add(context.member());
        facts.add(context.activity().withSpendUnderEvaluation(purchase.getTotal()));
        facts.add(new ProgramCalendar(purchase.getOccurredAt(), context.zone()));
        return earning(context, purchase, facts);
    }

    /** Points for a member event (register, share, review ...). */
    public Evaluation<EarningOutcome> evaluateEvent(EvaluationContext context, MemberEvent event) {
        List<InputProblem> problems = InputCheck.event(event);
        if (!problems.isEmpty()) {
            return new Evaluation.Refused<>(problems);
        }
        List<Object> facts = List.of(event, context.member(), context.activity(),
                new ProgramCalendar(event.getOccurredAt(), context.zone()));
        return earning(context, null, facts);
    }

    /** The tier rules alone, at a given instant (period-end reviews). */
    public Evaluation<TierOutcome> evaluateTier(EvaluationContext context, Instant at) {
        List<Object> facts = List.of(context.member(), context.activity(), new ProgramCalendar(at, context.zone()));
        DroolsSession.Run run = DroolsSession.run(built, phasesByPackage, maxFirings, TIER, facts);
        if (run.failure() != null) {
            return failed(run);
        }
        Evaluation<Optional<TierDecision>> decision = tierDecision(context, run.intents());
        if (decision instanceof Evaluation.Failed<Optional<TierDecision>> f) {
            return retyped(f);
        }
        return new Evaluation.Completed<>(new TierOutcome(id, decision.orThrow(), run.firedRules()));
    }

    /**
     * What an item costs this member at this instant, with every discount and its reason; rules that name a
     * campaign apply whatever the campaign (QA's scenarios, the command line: no campaign is defined there).
     */
    public Evaluation<PriceQuote> quote(EvaluationContext context, CatalogItem item, Instant at) {
        return quote(context, item, at, campaign -> null);
    }

    /**
     * The same, holding rules that name a campaign to it: {@code campaignClosed} says why a campaign does not
     * apply to this member at this instant (null when it does); such a rule's intents change nothing and the
     * quote lists it as withheld.
     */
    public Evaluation<PriceQuote> quote(EvaluationContext context, CatalogItem item, Instant at,
                                        Function<String, String> campaignClosed) {
        List<InputProblem> problems = InputCheck.item(item);
        if (!problems.isEmpty()) {
            return new Evaluation.Refused<>(problems);
        }
        List<Object> facts = List.of(new QuoteRequest(item, context.member()), item, context.member(),
                context.activity(), new ProgramCalendar(at, context.zone()));
        DroolsSession.Run run = DroolsSession.run(built, phasesByPackage, maxFirings, PRICING, facts);
        if (run.failure() != null) {
            return failed(run);
        }
        try {
            return new Evaluation.Completed<>(PriceCalculator.quote(id, run.intents(), item, context.policy(),
                    run.firedRules(), campaignClosed));
        } catch (PointsOutOfRange e) {
            return new Evaluation.Failed<>(Evaluation.FailureKind.RULE_ERROR, e.rule(), e.getMessage());
        }
    }

    private Evaluation<EarningOutcome> earning(EvaluationContext context, Purchase purchase, List<Object> facts) {
        DroolsSession.Run run = DroolsSession.run(built, phasesByPackage, maxFirings, EARNING, facts);
        if (run.failure() != null) {
            return failed(run);
        }
        Evaluation<Optional<TierDecision>> decision = tierDecision(context, run.intents());
        if (decision instanceof Evaluation.Failed<Optional<TierDecision>> f) {
            return retyped(f);
        }
        PointsCalculator.Points points;
        try {
            points = PointsCalculator.calculate(run.intents(), purchase, context.policy());
        } catch (PointsOutOfRange e) {
            return new Evaluation.Failed<>(Evaluation.FailureKind.RULE_ERROR, e.rule(), e.getMessage());
        }
        return new Evaluation.Completed<>(new EarningOutcome(id, points.total(), points.awards(), run.firedRules(),
                points.lineNotes(), decision.orThrow()));
    }

    /** At most one target tier: two rules naming different tiers is a conflict, never "last one wins". */
    private static Evaluation<Optional<TierDecision>> tierDecision(EvaluationContext context,
                                                                    List<RecordedIntent> intents) {
        RecordedIntent chosen = null;
        for (RecordedIntent r : intents) {
            if (r.intent() instanceof Intent.AssignTier tier) {
                if (chosen != null && !((Intent.AssignTier) chosen.intent()).tier().equals(tier.tier())) {
                    return new Evaluation.Failed<>(Evaluation.FailureKind.CONFLICT, r.rule(), "rules \""
                            + chosen.rule() + "\" and \"" + r.rule() + "\" put the member in different tiers ("
                            + ((Intent.AssignTier) chosen.intent()).tier() + ", " + tier.tier()
                            + "): make their conditions exclusive");
                }
                if (chosen == null) {
                    chosen = r;
                }
            }
        }
        if (chosen == null) {
            return new Evaluation.Completed<>(Optional.empty());
        }
        Intent.AssignTier tier = (Intent.AssignTier) chosen.intent();
        return new Evaluation.Completed<>(Optional.of(new TierDecision(context.member().getTier(), tier.tier(),
                chosen.rule(), tier.reason())));
    }

    private static <T> Evaluation<T> failed(DroolsSession.Run run) {
        return retyped(run.failure());
    }

    /** A failure carries no value, so it is a failure of any result type. */
    private static <T> Evaluation<T> retyped(Evaluation.Failed<?> failure) {
        return new Evaluation.Failed<>(failure.kind(), failure.rule(), failure.message());
    }

    @Override
    public String toString() {
        return "CompiledProgram[" + id.substring(0, 12) + ", " + built.ruleNames().size() + " rules]";
    }
}
