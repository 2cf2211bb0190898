package io.jifen.engine.compile;

import io.jifen.engine.safety.RuleSafetyCheck;

import java.util.regex.Pattern;

/**
 * Drools reads a rule's metadata ({@code @campaign("year-end")}) only right after the rule's name, before its
 * attributes; authors write it among them ({@code belongs to campaign year-end} under {@code in phase bonus}).
 * A line holding only an annotation, in a rule's header, is moved to the end of the rule's line; the line it
 * left keeps a marker comment naming it ({@link RuleSafetyCheck#MOVED_ANNOTATION}), so every line keeps its
 * number and a finding about the annotation still points at the line its author wrote it on.
 */
final class HeaderAnnotations {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\\S.*$");
    private static final Pattern ANNOTATION = Pattern.compile("^@[A-Za-z_][A-Za-z0-9_]*\\s*(\\(.*\\))?$");
    private static final Pattern HEADER_END = Pattern.compile("^(when|then|end)\\b.*");

    private HeaderAnnotations() {
    }

    static String hoist(String text) {
        if (text.indexOf('@') < 0) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        int rule = -1;
        boolean moved = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (RULE.matcher(lines[i]).matches()) {
                rule = i;
            } else if (rule >= 0 && HEADER_END.matcher(line).matches()) {
                rule = -1;
            } else if (rule >= 0 && ANNOTATION.matcher(line).matches()) {
                int comment = lines[rule].indexOf("//");
                lines[rule] = comment < 0 ? lines[rule] + " " + line
                        : lines[rule].substring(0, comment) + line + " " + lines[rule].substring(comment);
                lines[i] = RuleSafetyCheck.MOVED_ANNOTATION + line.substring(1).split("[\\s(]", 2)[0];
                moved = true;
            }
        }
        return moved ? String.join("\n", lines) : text;
    }
}
