package io.jifen.engine.evaluation;

/** The tier the rules put the member in, and why. {@code changed} compares with the member's current tier. */
public record TierDecision(String currentTier, String targetTier, String rule, String reason) {
    public boolean changed() {
        return !targetTier.equals(currentTier);
    }
}
