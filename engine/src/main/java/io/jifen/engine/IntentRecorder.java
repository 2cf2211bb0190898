package io.jifen.engine;

import io.jifen.engine.evaluation.FiredRule;
import io.jifen.engine.evaluation.Intent;
import io.jifen.engine.evaluation.IntentSink;
import io.jifen.engine.evaluation.Phase;
import io.jifen.engine.evaluation.RecordedIntent;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Listens to one session: knows which rule is firing, so every intent a consequence states is
 * recorded with its rule and phase. An intent outside its rule's phase (a bonus from a tier rule)
 * fails the evaluation instead of being silently reordered.
 */
final class IntentRecorder extends DefaultAgendaEventListener implements IntentSink {
    /** package name → rule name → phase: looked up on every firing without building a key string. */
    private final Map<String, Map<String, Phase>> phases;
    private final List<RecordedIntent> intents = new ArrayList<>();
    private final List<FiredRule> fired = new ArrayList<>();
    private String currentRule;
    private Phase currentPhase;
    private String currentCampaign;

    IntentRecorder(Map<String, Map<String, Phase>> phases) {
        this.phases = phases;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        currentRule = rule.getName();
        Map<String, Phase> inPackage = phases.get(rule.getPackageName());
        currentPhase = inPackage == null ? null : inPackage.get(currentRule);
        currentCampaign = Campaigns.of(rule);
        fired.add(new FiredRule(currentRule, currentPhase));
    }

    @Override
    public void accept(Intent intent) {
        Phase expected = intent.phase();
        if (currentPhase != expected) {
            throw new IllegalStateException("rule \"" + currentRule + "\" is in phase \""
                    + (currentPhase == null ? "?" : currentPhase.agendaGroup()) + "\" but "
                    + intent.description() + " belongs in phase \"" + expected.agendaGroup() + "\"");
        }
        intents.add(new RecordedIntent(currentRule, currentPhase, intents.size(), intent, currentCampaign));
    }

    List<RecordedIntent> intents() {
        return intents;
    }

    List<FiredRule> firedRules() {
        return fired;
    }
}
