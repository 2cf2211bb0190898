package io.jifen.engine.evaluation;

/** Receives the intents of the rule that is firing; the engine knows which rule that is. */
@FunctionalInterface
public interface IntentSink {
    void accept(Intent intent);
}
