package io.jifen.engine;

import org.kie.api.definition.rule.Rule;

/**
 * The campaign a rule belongs to: its {@code @campaign("code")} metadata, written in DRL after the
 * rule's name, by the DSL sentence {@code part of campaign code}, or by a decision table's
 * {@code METADATA} column. The safety check lets annotations hold only literals, so this is text.
 */
final class Campaigns {
    static final String KEY = "campaign";

    private Campaigns() {
    }

    /** The rule's campaign code, {@code null} when it names none or a blank one. */
    static String of(Rule rule) {
        Object value = rule.getMetaData().get(KEY);
        if (value == null) {
            return null;
        }
        String code = value.toString().strip();
        if (code.length() >= 2 && code.startsWith("\"") && code.endsWith("\"")) {
            code = code.substring(1, code.length() - 1).strip();
        }
        return code.isEmpty() ? null : code;
    }
}
