package io.jifen.engine.scenario;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.evaluation.AppliedDiscount;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.InputProblem;
import io.jifen.engine.evaluation.PaymentOption;
import io.jifen.engine.evaluation.PriceQuote;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.evaluation.TierDecision;
import io.jifen.engine.evaluation.TierOutcome;
import io.jifen.engine.facts.CatalogItem;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.MemberEvent;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
        EvaluationContext context = new EvaluationContext(zone, policy(suite.policy()), member(scenario.given()),
                activity(scenario.given()));
        Suite.When when = scenario.when();
        if (when == null) {
            throw new IllegalArgumentException("scenario \"" + scenario.name() + "\" has no `when`");
        }
        if (when.purchase() != null) {
            return earned(program.evaluatePurchase(context, purchase(when.purchase(), zone, scenario)));
        }
        if (when.event() != null) {
            Suite.EventSpec e = when.event();
            MemberEvent event = new MemberEvent(e.id() == null ? "event-1" : e.id(), e.type(), instant(e.at(), zone),
                    zone, e.attributes());
            return earned(program.evaluateEvent(context, event));
        }
        if (when.tier() != null) {
            return tier(program.evaluateTier(context, instant(when.tier().at(), zone)));
        }
        if (when.quote() != null) {
            Suite.ItemSpec i = when.quote().item();
            CatalogItem item = new CatalogItem(i.sku(), i.type(), i.category(),
                    i.basePoints() == null ? 0 : i.basePoints(), i.cashPrice(), i.attributes());
            return quoted(program.quote(context, item, instant(when.quote().at(), zone)));
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
                null, null, null, null, null);
    }

    private static Observed tier(Evaluation<TierOutcome> evaluation) {
        if (!(evaluation instanceof Evaluation.Completed<TierOutcome> completed)) {
            return notCompleted(evaluation);
        }
        Optional<TierDecision> decision = completed.value().decision();
        return new Observed(Observed.TIER, null, null, null, decision.map(TierDecision::targetTier).orElse(null),
                null, null, null, null, null, null, null, null);
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
        return new Observed(Observed.QUOTED, null, null, null, null, null, null, null, quote.pointsPrice(),
                quote.cashPart(), quote.listPoints(), discounts, options);
    }

    private static Observed notCompleted(Evaluation<?> evaluation) {
        if (evaluation instanceof Evaluation.Refused<?> refused) {
            return new Observed(Observed.REFUSED, null, null, null, null,
                    refused.problems().stream().map(InputProblem::field).distinct().toList(), null,
                    refused.problems().toString(), null, null, null, null, null);
        }
        Evaluation.Failed<?> failed = (Evaluation.Failed<?>) evaluation;
        return new Observed(Observed.FAILED, null, null, null, null, null, failed.kind().name(), failed.message(),
                null, null, null, null, null);
    }

    private static ProgramPolicy policy(Suite.PolicySpec spec) {
        if (spec == null) {
            return ProgramPolicy.DEFAULT;
        }
        return new ProgramPolicy(
                spec.rounding() == null ? RoundingMode.DOWN : RoundingMode.valueOf(spec.rounding()),
                spec.stacking() == null ? ProgramPolicy.MultiplierStacking.ADDITIVE
                        : ProgramPolicy.MultiplierStacking.valueOf(spec.stacking()));
    }

    private static Member member(Suite.Given given) {
        Suite.MemberSpec m = given == null ? null : given.member();
        if (m == null) {
            return new Member("member-1", "", Member.ACTIVE, null, null, Map.of());
        }
        return new Member(m.id() == null ? "member-1" : m.id(), m.tier(), m.status(),
                m.enrolledOn() == null ? LocalDate.of(2025, 1, 1) : m.enrolledOn(), m.birthday(), m.attributes());
    }

    private static MemberActivity activity(Suite.Given given) {
        Suite.ActivitySpec a = given == null ? null : given.activity();
        if (a == null) {
            return MemberActivity.none();
        }
        return new MemberActivity(a.rolling12MonthSpend(), a.spendThisYear(),
                a.pointsEarnedToday() == null ? 0 : a.pointsEarnedToday(),
                a.pointsEarnedThisMonth() == null ? 0 : a.pointsEarnedThisMonth(), a.eventsToday(), a.eventsThisMonth());
    }

    private static Purchase purchase(Suite.PurchaseSpec p, ZoneId zone, Suite.Scenario scenario) {
        List<LineItem> lines = new ArrayList<>();
        if (p.lines() != null) {
            for (Suite.LineSpec l : p.lines()) {
                int quantity = l.quantity() == null ? 1 : l.quantity();
                BigDecimal amount = l.amount() != null ? l.amount()
                        : l.unitPrice() == null ? null : l.unitPrice().multiply(BigDecimal.valueOf(quantity));
                lines.add(new LineItem(l.sku() == null ? "" : l.sku(), l.category(), quantity, l.unitPrice(), amount));
            }
        }
        return new Purchase(p.id() == null ? "purchase-1" : p.id(), instant(p.at(), zone), zone, p.channel(),
                p.store(), p.total(), p.currency() == null ? "CNY" : p.currency(), lines);
    }

    /** Merchant-local "2026-03-10T09:30" or an instant with an offset "2026-03-10T01:30:00Z". */
    static Instant instant(String at, ZoneId zone) {
        if (at == null) {
            throw new IllegalArgumentException("every `when` needs `at`");
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException notOffset) {
            return LocalDateTime.parse(at).atZone(zone).toInstant();
        }
    }
}
