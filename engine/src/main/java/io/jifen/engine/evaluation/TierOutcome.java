package io.jifen.engine.evaluation;

import java.util.List;
import java.util.Optional;

/** The result of running the tier rules alone (e.g. the period-end job). Empty when no tier rule fired. */
public record TierOutcome(String programId, Optional<TierDecision> decision, List<FiredRule> firedRules) {
    public TierOutcome {
        firedRules = List.copyOf(firedRules);
    }
}
