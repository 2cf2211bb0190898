package io.jifen.engine.compile;

import io.jifen.engine.evaluation.Phase;
import org.kie.api.KieBase;

import java.util.List;
import java.util.Map;

/**
 * The outcome of building a rule set: a knowledge base with what the engine needs to know of its
 * rules, or the diagnostics that stopped it.
 */
public sealed interface KieBaseBuild {

    /** {@code phases} maps "package.rule name" to the rule's phase; {@code rules} in the order they were read. */
    record Built(KieBase kieBase, Map<String, Phase> phases, List<RuleDefinition> rules, boolean declaresActions)
            implements KieBaseBuild {
        public List<String> ruleNames() {
            return rules.stream().map(RuleDefinition::name).toList();
        }
    }

    /**
     * {@code rules}: the rules read before the build stopped (none when it stopped before parsing),
     * so an editor can list them beside the diagnostics.
     */
    record Failed(List<Diagnostic> diagnostics, List<RuleDefinition> rules) implements KieBaseBuild {
        public Failed(List<Diagnostic> diagnostics) {
            this(diagnostics, List.of());
        }
    }

    static String ruleKey(String packageName, String ruleName) {
        return packageName + "." + ruleName;
    }
}
