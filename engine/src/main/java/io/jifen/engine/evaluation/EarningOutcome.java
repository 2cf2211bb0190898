package io.jifen.engine.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * What a purchase or member event earns: the total, every award with its rule and reason, every
 * rule that fired, how lines were treated, and the tier decision when tier rules ran.
 */
public record EarningOutcome(String programId, long totalPoints, List<Award> awards, List<FiredRule> firedRules,
                             List<LineNote> lineNotes, Optional<TierDecision> tierDecision) {
    public EarningOutcome {
        awards = List.copyOf(awards);
        firedRules = List.copyOf(firedRules);
        lineNotes = List.copyOf(lineNotes);
    }

    /** Points awarded by the named rule (0 if it awarded none). */
    public long pointsBy(String rule) {
        return awards.stream().filter(a -> a.rule().equals(rule)).mapToLong(Award::points).sum();
    }
}
