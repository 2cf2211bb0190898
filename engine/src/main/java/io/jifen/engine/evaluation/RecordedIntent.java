package io.jifen.engine.evaluation;

/**
 * An intent together with the rule that stated it, the order it was stated in, and the campaign the
 * rule belongs to ({@code null}: none; a rule names it with {@code @campaign("code")}).
 */
public record RecordedIntent(String rule, Phase phase, int sequence, Intent intent, String campaign) {
    public RecordedIntent(String rule, Phase phase, int sequence, Intent intent) {
        this(rule, phase, sequence, intent, null);
    }
}
