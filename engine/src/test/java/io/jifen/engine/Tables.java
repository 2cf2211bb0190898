package io.jifen.engine;

import io.jifen.engine.compile.RuleFile;

/** Generated CSV decision tables for the limit tests, in the reference program's category-rates format. */
final class Tables {
    /** The spreadsheet row (1-based) of the table's first rule row: 10 header rows come before it. */
    static final int FIRST_RULE_ROW = 11;

    private Tables() {
    }

    /** {@code rows} rules "category {prefix}-N earns 2 times"; a different prefix gives a different rule set. */
    static RuleFile categoryRates(String name, String prefix, int rows) {
        StringBuilder csv = new StringBuilder("""
                RuleSet,jifen.test.generated
                Import,io.jifen.engine.facts.*
                Variables,RuleActions actions
                Notes,"Generated category rates."
                ,
                RuleTable Generated category rates
                NAME,RULEFLOW-GROUP,CONDITION,ACTION
                ,,$line : LineItem,
                ,,"category == ""$param""\","actions.lineMultiplier($line, $1, ""$2"");"
                Rule,Phase,Category,"Factor, reason"
                """);
        for (int i = 0; i < rows; i++) {
            csv.append("category ").append(prefix).append('-').append(i).append(" earns double,base,")
                    .append(prefix).append('-').append(i).append(",\"2, generated rate\"\n");
        }
        return RuleFile.text(name, csv.toString());
    }
}
