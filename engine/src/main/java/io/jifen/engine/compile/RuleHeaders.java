package io.jifen.engine.compile;

import io.jifen.engine.safety.RuleSafetyCheck;
import org.drools.drl.parser.lang.dsl.DSLMappingEntry;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a DSLR file may leave out and where header sentences apply. Marketing staff write rules, not Java
 * boilerplate: a file without {@code package}, the fact imports or the {@code actions} global gets them
 * from the engine (on its first line, or after its own {@code package} line, so no line moves and every
 * diagnostic still points at what was written). The vocabulary's {@code [keyword]} sentences ({@code in
 * phase …}, {@code checked with priority …}) apply between a rule's name and its {@code when} only.
 *
 * <p>Drools reads a rule's metadata ({@code @campaign("year-end")}) only right after the rule's name, before its
 * attributes; authors write it among them ({@code belongs to campaign year-end} under {@code in phase bonus}). A
 * header line holding only an annotation is moved to the end of the rule's line; the line it left keeps a marker
 * comment naming it ({@link RuleSafetyCheck#MOVED_ANNOTATION}), so every line keeps its number and a finding
 * about the annotation still points at the line its author wrote it on.
 */
final class RuleHeaders {
    static final String DEFAULT_PACKAGE = "jifen.authored";
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\\S.*$");
    private static final Pattern HEADER_END = Pattern.compile("^(when|then|end)\\b.*");
    private static final Pattern ANNOTATION = Pattern.compile("^@[A-Za-z_][A-Za-z0-9_]*\\s*(\\(.*\\))?$");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;?\\s*$");
    private static final Pattern FACTS_IMPORT = Pattern.compile(
            "^\\s*import\\s+io\\.jifen\\.engine\\.facts\\.(\\*|RuleActions)\\s*;?\\s*$");
    private static final Pattern ACTIONS_GLOBAL = Pattern.compile(
            "^\\s*global\\s+(io\\.jifen\\.engine\\.facts\\.)?RuleActions\\s+actions\\s*;?\\s*$");

    private RuleHeaders() {
    }

    /** Called for each line of a rule's header, with the index of the rule's own line. */
    @FunctionalInterface
    private interface HeaderLine {
        void visit(int ruleLine, int line);
    }

    /** The lines between each rule's name and its {@code when} (or {@code then}, {@code end}). */
    private static void forEachHeaderLine(String[] lines, HeaderLine visit) {
        int rule = -1;
        for (int i = 0; i < lines.length; i++) {
            if (RULE.matcher(lines[i]).matches()) {
                rule = i;
            } else if (rule >= 0 && HEADER_END.matcher(lines[i].strip()).matches()) {
                rule = -1;
            } else if (rule >= 0) {
                visit.visit(rule, i);
            }
        }
    }

    /** Applies the keyword sentences to the lines of rule headers, in place. */
    static void applyKeywords(String[] lines, List<DSLMappingEntry> keywords) {
        forEachHeaderLine(lines, (rule, i) -> {
            for (DSLMappingEntry keyword : keywords) {
                lines[i] = expand(lines[i], keyword);
            }
        });
    }

    /** The DRL with each annotation written among a rule's attributes moved to the rule's line. */
    static String hoistAnnotations(String drl) {
        if (drl.indexOf('@') < 0) {
            return drl;
        }
        String[] lines = drl.split("\n", -1);
        boolean[] moved = {false};
        forEachHeaderLine(lines, (rule, i) -> {
            String line = lines[i].strip();
            if (ANNOTATION.matcher(line).matches()) {
                int comment = lines[rule].indexOf("//");
                lines[rule] = comment < 0 ? lines[rule] + " " + line
                        : lines[rule].substring(0, comment) + line + " " + lines[rule].substring(comment);
                lines[i] = RuleSafetyCheck.MOVED_ANNOTATION + line.substring(1).split("[\\s(]", 2)[0];
                moved[0] = true;
            }
        });
        return moved[0] ? String.join("\n", lines) : drl;
    }

    /** The line with the keyword's sentence replaced by its value, its {variables} filled from the sentence. */
    private static String expand(String line, DSLMappingEntry keyword) {
        Matcher m = keyword.getKeyPattern().matcher(line);
        if (!m.find()) {
            return line;
        }
        String value = keyword.getValuePattern();
        for (Map.Entry<String, Integer> variable : keyword.getVariables().entrySet()) {
            value = value.replace("{" + variable.getKey() + "}", m.group(variable.getValue()));
        }
        return line.substring(0, m.start()) + value + line.substring(m.end());
    }

    /** The expanded file with the package, the fact imports and the actions global it does not state. */
    static String supplyFileHeader(String drl) {
        String[] lines = drl.split("\n", -1);
        int packageLine = -1;
        boolean imports = false;
        boolean global = false;
        for (int i = 0; i < lines.length; i++) {
            if (packageLine < 0 && PACKAGE.matcher(lines[i]).matches()) {
                packageLine = i;
            }
            imports |= FACTS_IMPORT.matcher(lines[i]).matches();
            global |= ACTIONS_GLOBAL.matcher(lines[i]).matches();
        }
        String supplied = (imports ? "" : "import io.jifen.engine.facts.*; ") + (global ? "" : "global RuleActions actions; ");
        if (packageLine >= 0) {
            if (supplied.isEmpty()) {
                return drl;
            }
            String own = lines[packageLine].strip();
            lines[packageLine] = (own.endsWith(";") ? own : own + ";") + " " + supplied.strip();
        } else {
            lines[0] = "package " + DEFAULT_PACKAGE + "; " + supplied + lines[0];
        }
        return String.join("\n", lines);
    }
}
