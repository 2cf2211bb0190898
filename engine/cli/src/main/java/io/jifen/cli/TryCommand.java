package io.jifen.cli;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.LineNote;
import io.jifen.engine.evaluation.TierDecision;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jifen try DIR --purchase FILE|JSON}: one purchase (or event) evaluated, every point explained. */
@Command(name = "try", mixinStandardHelpOptions = true,
        description = {"Evaluate one purchase or member event on a folder of rule files and explain the result: each"
                + " award with its rule, phase, family, points and reason, the tier decision, how lines were treated.",
                "The body is the API's (docs/api.md), optionally with `member` and `activity` (docs/cli.md).",
                "Exit 0 when evaluated, 1 when the rules fail on it, 2 when the body is refused or the rule set rejected."})
final class TryCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Parameters(paramLabel = "DIR", description = "The folder of rule files.")
    Path folder;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--purchase", paramLabel = "FILE|JSON", required = true,
                description = "The purchase: a file, `-` for stdin, or the JSON body itself.")
        String purchase;

        @Option(names = "--event", paramLabel = "FILE|JSON", required = true,
                description = "A member event (a body with `type`): a file, `-` for stdin, or the JSON body itself.")
        String event;
    }

    @Mixin
    PolicyOptions policy;

    @Override
    public Integer call() {
        TransactionBody body = TransactionFiles.one(what.purchase != null ? what.purchase : what.event);
        if (what.purchase != null && body.event()) {
            throw Failure.usage("--purchase was given an event (a body with `type`): use --event");
        }
        if (what.event != null && !body.event()) {
            throw Failure.usage("--event needs a body with `type` (REGISTER, SHARE, … or the merchant's own)");
        }
        CompiledProgram program = RuleFolders.compile(new LoyaltyEngine(), folder);
        EvaluationContext context = body.context(policy.zone, policy.policy());
        Evaluation<EarningOutcome> evaluation = body.event()
                ? program.evaluateEvent(context, body.memberEvent(policy.zone))
                : program.evaluatePurchase(context, body.purchase(policy.zone, policy.currency));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("program", program.id());
        document.put("transactionId", body.transactionId());
        if (evaluation instanceof Evaluation.Refused<EarningOutcome> refused) {
            throw new Failure(Exit.REJECTED_OR_USAGE, "the " + (body.event() ? "event" : "purchase") + " is refused",
                    refused.problems().stream().map(p -> p.field().replaceFirst("^(purchase|event)\\.", "") + ": "
                            + p.message()).toList());
        }
        if (evaluation instanceof Evaluation.Failed<EarningOutcome> failed) {
            document.put("outcome", "FAILED");
            document.put("failure", failed.kind().name());
            document.put("rule", failed.rule());
            document.put("message", failed.message());
            output.document(document);
            output.line("FAILED " + failed.kind() + (failed.rule() == null ? "" : " in rule \"" + failed.rule() + "\"")
                    + ": " + failed.message());
            return Exit.SCENARIO_FAILED;
        }
        EarningOutcome outcome = evaluation.orThrow();
        document.put("outcome", "EARNED");
        document.put("totalPoints", outcome.totalPoints());
        document.put("awards", outcome.awards().stream().map(a -> {
            Map<String, Object> award = new LinkedHashMap<>();
            award.put("rule", a.rule());
            award.put("phase", a.phase() == null ? null : a.phase().agendaGroup());
            award.put("family", a.family());
            award.put("points", a.points());
            award.put("reason", a.reason());
            award.put("campaign", a.campaign());
            return award;
        }).toList());
        document.put("tierDecision", outcome.tierDecision().orElse(null));
        document.put("lineNotes", outcome.lineNotes());
        document.put("firedRules", outcome.firedRules().stream().map(f -> f.rule()).toList());
        output.document(document);
        output.text(text(body, program, outcome));
        return Exit.PASSED;
    }

    private static String text(TransactionBody body, CompiledProgram program, EarningOutcome outcome) {
        StringBuilder s = new StringBuilder().append(outcome.totalPoints()).append(" points for ")
                .append(body.event() ? "event " + body.type() : "purchase").append(' ').append(body.transactionId())
                .append(" of member ").append(body.memberId()).append(" on program ")
                .append(program.id(), 0, 12).append('\n');
        if (outcome.awards().isEmpty()) {
            s.append("  no rule awarded points\n");
        }
        int width = outcome.awards().stream().mapToInt(a -> Long.toString(a.points()).length()).max().orElse(1);
        for (Award a : outcome.awards()) {
            s.append(String.format("  %" + (width + 1) + "s  %s", (a.points() >= 0 ? "+" : "") + a.points(), a.rule()))
                    .append("  [").append(a.phase() == null ? "-" : a.phase().agendaGroup()).append(", ")
                    .append(a.family()).append(a.campaign() == null ? "" : ", campaign " + a.campaign()).append("]\n")
                    .append(" ".repeat(width + 5)).append("because ").append(a.reason()).append('\n');
        }
        for (LineNote n : outcome.lineNotes()) {
            s.append("  line ").append(n.sku()).append(": ").append(n.kind()).append(n.factor() == null ? "" : " × " + n.factor())
                    .append(" by \"").append(n.rule()).append("\", because ").append(n.reason()).append('\n');
        }
        if (outcome.tierDecision().isPresent()) {
            TierDecision t = outcome.tierDecision().get();
            s.append("  tier: ").append(t.currentTier() == null || t.currentTier().isEmpty() ? "(none)" : t.currentTier()).append(" → ")
                    .append(t.targetTier()).append(" by \"").append(t.rule()).append("\", because ").append(t.reason())
                    .append('\n');
        }
        return s.toString();
    }
}
