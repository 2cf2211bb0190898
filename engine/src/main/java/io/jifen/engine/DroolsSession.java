package io.jifen.engine;

import io.jifen.engine.compile.KieBaseBuild;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.FiredRule;
import io.jifen.engine.evaluation.Phase;
import io.jifen.engine.evaluation.RecordedIntent;
import io.jifen.engine.facts.RuleActions;
import io.jifen.engine.safety.RuleSafetyCheck;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.util.List;
import java.util.Map;

/**
 * Runs one evaluation in a fresh session: insert the facts, run the phases in order, collect the
 * intents, dispose the session whatever happens. Sessions are never shared, so a compiled program
 * can serve any number of threads.
 */
final class DroolsSession {
    private DroolsSession() {
    }

    /** What the rules said, or why they could not say it. */
    record Run(List<RecordedIntent> intents, List<FiredRule> firedRules, Evaluation.Failed<?> failure) {
    }

    static Run run(KieBaseBuild.Built built, Map<String, Map<String, Phase>> phasesByPackage, int maxFirings,
                   List<Phase> phases, List<Object> facts) {
        IntentRecorder recorder = new IntentRecorder(phasesByPackage);
        KieSession session = built.kieBase().newKieSession();
        try {
            session.addEventListener(recorder);
            if (built.declaresActions()) {
                session.setGlobal(RuleSafetyCheck.ACTIONS_GLOBAL, new RuleActions(recorder));
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            // the focus stack runs the group pushed last first, so push the phases in reverse
            for (int i = phases.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(phases.get(i).agendaGroup()).setFocus();
            }
            int fired = session.fireAllRules(maxFirings + 1);
            if (fired > maxFirings) {
                String last = recorder.firedRules().isEmpty() ? ""
                        : recorder.firedRules().get(recorder.firedRules().size() - 1).rule();
                return new Run(recorder.intents(), recorder.firedRules(), new Evaluation.Failed<>(
                        Evaluation.FailureKind.FIRING_LIMIT, last, "the rules fired more than " + maxFirings
                        + " times in one evaluation, the last being \"" + last
                        + "\": a rule probably matches too many combinations of facts (e.g. every pair of lines)"));
            }
            return new Run(recorder.intents(), recorder.firedRules(), null);
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "" : e.getMatch().getRule().getName();
            return new Run(recorder.intents(), recorder.firedRules(), new Evaluation.Failed<>(
                    Evaluation.FailureKind.RULE_ERROR, rule, "rule \"" + rule + "\" failed: " + rootMessage(e)));
        } catch (RuntimeException e) {
            return new Run(recorder.intents(), recorder.firedRules(), new Evaluation.Failed<>(
                    Evaluation.FailureKind.RULE_ERROR, "", "a rule condition failed: " + rootMessage(e)));
        } finally {
            session.dispose();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
