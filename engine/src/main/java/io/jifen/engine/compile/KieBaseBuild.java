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

    /** {@code phases} maps "package.rule name" to the rule's phase. */
    record Built(KieBase kieBase, Map<String, Phase> phases, List<String> ruleNames, boolean declaresActions)
            implements KieBaseBuild {
    }

    record Failed(List<Diagnostic> diagnostics) implements KieBaseBuild {
    }

    static String ruleKey(String packageName, String ruleName) {
        return packageName + "." + ruleName;
    }
}
