package io.jifen.engine.scenario;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.evaluation.AppliedDiscount;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.InputProblem;
import io.jifen.engine.evaluation.PaymentOption;
import io.jifen.engine.evaluation.PointsBack;
import io.jifen.engine.evaluation.PriceQuote;
import io.jifen.engine.evaluation.TierDecision;
import io.jifen.engine.evaluation.TierOutcome;
import io.jifen.engine.facts.CatalogItem;
import io.jifen.engine.facts.MemberEvent;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one scenario of a suite against a compiled program and observes the result. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static Observed observe(CompiledProgram program, Suite suite, Suite.Scenario scenario) {
        ZoneId zone = ZoneId.of(suite.zone() == null ? "UTC" : suite.zone());
        EvaluationContext context = ScenarioFacts.context(suite, scenario);
        Suite.When when = scenario.when();
        if (when == null) {
            throw new IllegalArgumentException("scenario \"" + scenario.name() + "\" has no `when`");
        }
        if (when.purchase() != null) {
            return earned(program.evaluatePurchase(context, ScenarioFacts.purchase(when.purchase(), zone)));
        }
        if (when.event() != null) {
            Suite.EventSpec e = when.event();
            MemberEvent event = new MemberEvent(e.id() == null ? "event-1" : e.id(), e.type(), ScenarioFacts.instant(e.at(), zone),
                    zone, e.attributes());
            return earned(program.evaluateEvent(context, event));
        }
        if (when.tier() != null) {
            return tier(program.evaluateTier(context, ScenarioFacts.instant(when.tier().at(), zone)));
        }
        if (when.quote() != null) {
            Suite.ItemSpec i = when.quote().item();
            CatalogItem item = new CatalogItem(i.sku(), i.type(), i.category(),
                    i.basePoints() == null ? 0 : i.basePoints(), i.cashPrice(), i.attributes());
            return quoted(program.quote(context, item, ScenarioFacts.instant(when.quote().at(), zone)));
        }
        throw new IllegalArgumentException("scenario \"" + scenario.name()
                + "\": `when` needs one of purchase, event, tier, quote");
    }

    private static Observed earned(Evaluation<EarningOutcome> evaluation) {
        if (!(evaluation instanceof Evaluation.Completed<EarningOutcome> completed)) {
            return notCompleted(evaluation);
        }
        EarningOutcome outcome = completed.value();
        Map<String, Long> byRule = new LinkedHashMap<>();
        Map<String, Long> byFamily = new LinkedHashMap<>();
        for (Award award : outcome.awards()) {
            byRule.merge(award.rule(), award.points(), Long::sum);
            byFamily.merge(award.family(), award.points(), Long::sum);
        }
        byRule.values().removeIf(points -> points == 0);
        byFamily.values().removeIf(points -> points == 0);
        String tier = outcome.tierDecision().map(TierDecision::targetTier).orElse(null);
        return new Observed(Observed.EARNED, outcome.totalPoints(), byRule, byFamily, tier, null, null, null,
                null, null, null, null, null, null);
    }

    private static Observed tier(Evaluation<TierOutcome> evaluation) {
        if (!(evaluation instanceof Evaluation.Completed<TierOutcome> completed)) {
            return notCompleted(evaluation);
        }
        Optional<TierDecision> decision = completed.value().decision();
        return new Observed(Observed.TIER, null, null, null, decision.map(TierDecision::targetTier).orElse(null),
                null, null, null, null, null, null, null, null, null);
    }

    private static Observed quoted(Evaluation<PriceQuote> evaluation) {
        if (!(evaluation instanceof Evaluation.Completed<PriceQuote> completed)) {
            return notCompleted(evaluation);
        }
        PriceQuote quote = completed.value();
        Map<String, Long> discounts = new LinkedHashMap<>();
        for (AppliedDiscount d : quote.discounts()) {
            discounts.merge(d.family(), d.pointsOff(), Long::sum);
        }
        List<String> options = new ArrayList<>();
        for (PaymentOption o : quote.options()) {
            options.add(o.points() + " points + " + o.cash().stripTrailingZeros().toPlainString() + " cash");
        }
        Map<String, Long> back = new LinkedHashMap<>();
        for (PointsBack b : quote.pointsBack()) {
            back.merge(b.family(), b.points(), Long::sum);
        }
        return new Observed(Observed.QUOTED, null, null, null, null, null, null, null, quote.pointsPrice(),
                quote.cashPart(), quote.listPoints(), discounts, options, back);
    }

    private static Observed notCompleted(Evaluation<?> evaluation) {
        if (evaluation instanceof Evaluation.Refused<?> refused) {
            return new Observed(Observed.REFUSED, null, null, null, null,
                    refused.problems().stream().map(InputProblem::field).distinct().toList(), null,
                    refused.problems().toString(), null, null, null, null, null, null);
        }
        Evaluation.Failed<?> failed = (Evaluation.Failed<?>) evaluation;
        return new Observed(Observed.FAILED, null, null, null, null, null, failed.kind().name(), failed.message(),
                null, null, null, null, null, null);
    }

}
