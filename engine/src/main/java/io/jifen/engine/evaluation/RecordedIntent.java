package io.jifen.engine.evaluation;

/** An intent together with the rule that stated it and the order it was stated in. */
public record RecordedIntent(String rule, Phase phase, int sequence, Intent intent) {
}
