package io.jifen.engine.compile;

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
 */
final class RuleHeaders {
    static final String DEFAULT_PACKAGE = "jifen.authored";
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\\S.*$");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b.*$");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;?\\s*$");
    private static final Pattern FACTS_IMPORT = Pattern.compile(
            "^\\s*import\\s+io\\.jifen\\.engine\\.facts\\.(\\*|RuleActions)\\s*;?\\s*$");
    private static final Pattern ACTIONS_GLOBAL = Pattern.compile(
            "^\\s*global\\s+(io\\.jifen\\.engine\\.facts\\.)?RuleActions\\s+actions\\s*;?\\s*$");

    private RuleHeaders() {
    }

    /** Applies the keyword sentences to the lines of rule headers, in place. */
    static void applyKeywords(String[] lines, List<DSLMappingEntry> keywords) {
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            if (RULE.matcher(lines[i]).matches()) {
                header = true;
            } else if (header && WHEN.matcher(lines[i]).matches()) {
                header = false;
            } else if (header) {
                for (DSLMappingEntry keyword : keywords) {
                    lines[i] = expand(lines[i], keyword);
                }
            }
        }
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
