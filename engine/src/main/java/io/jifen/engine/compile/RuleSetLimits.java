package io.jifen.engine.compile;

/**
 * What one rule set may cost before Drools compiles it. Every limit is checked on the files or on
 * the DRL they translate to, before the knowledge-base build (the step that takes the CPU and
 * creates the classes that fill metaspace), and a rule set over a limit is rejected with a
 * diagnostic naming the file and, where there is one, the line or spreadsheet row.
 *
 * <p>Defaults: the reference program (rules/, 8 files, 32 rules, 14 KB) fits many times over;
 * a 1,000-row table compiles in about 0.7 s warm and 4 s cold and holds about 25 MB of heap and
 * metaspace while it is cached (BENCHMARKS.md sections 2 and 3), which is the size a cached
 * program may reasonably have; twice as many rules in a whole rule set leaves room for a full
 * table beside the rest of a program. 20,000-row tables (10 s of CPU, 220 MB of metaspace each) are refused.
 *
 * @param maxRules        rules in the whole rule set (DRL, DSLR and decision-table rules together)
 * @param maxTableRows    rule rows in one decision table
 * @param maxFileBytes    bytes of one rule file
 * @param maxRuleSetBytes bytes of all the rule set's files together
 */
public record RuleSetLimits(int maxRules, int maxTableRows, long maxFileBytes, long maxRuleSetBytes) {
    public static final RuleSetLimits DEFAULT = new RuleSetLimits(2_000, 1_000, 512 * 1024, 2 * 1024 * 1024);

    public RuleSetLimits {
        if (maxRules < 1 || maxTableRows < 1 || maxFileBytes < 1 || maxRuleSetBytes < 1) {
            throw new IllegalArgumentException("rule-set limits must be at least 1: " + maxRules + " rules, "
                    + maxTableRows + " table rows, " + maxFileBytes + " bytes per file, " + maxRuleSetBytes
                    + " bytes per rule set");
        }
    }
}
