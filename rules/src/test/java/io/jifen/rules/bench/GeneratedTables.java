package io.jifen.rules.bench;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;

import java.util.List;

/** Large decision tables for the compile benchmarks, generated in the reference program's CSV format. */
public final class GeneratedTables {
    private static final String[] FACTORS = {"1.5", "2", "0.5", "3", "1.2"};

    private GeneratedTables() {
    }

    /**
     * A CSV decision table of {@code rows} line-multiplier rules, one per category {@code cat-N}
     * (phase base, within the allow-list: a LineItem pattern and {@code actions.lineMultiplier}).
     */
    public static String categoryRatesCsv(int rows) {
        return categoryRatesCsv(rows, "cat");
    }

    /** The same table with categories {@code prefix-N}: each prefix gives a different rule set (and program). */
    public static String categoryRatesCsv(int rows, String prefix) {
        StringBuilder csv = new StringBuilder(rows * 80 + 600);
        csv.append("RuleSet,io.jifen.rules.generated\n");
        csv.append("Import,io.jifen.engine.facts.*\n");
        csv.append("Variables,RuleActions actions\n");
        csv.append("Notes,\"Generated: ").append(rows).append(" category rates for the compile benchmark.\"\n");
        csv.append(",\n");
        csv.append("RuleTable Generated category rates\n");
        csv.append("NAME,RULEFLOW-GROUP,CONDITION,ACTION\n");
        csv.append(",,$line : LineItem,\n");
        csv.append(",,\"category == \"\"$param\"\"\",\"actions.lineMultiplier($line, $1, \"\"$2\"\");\"\n");
        csv.append("Rule,Phase,Category,\"Factor, reason\"\n");
        for (int i = 0; i < rows; i++) {
            String factor = FACTORS[i % FACTORS.length];
            csv.append("category ").append(prefix).append('-').append(i).append(" earns ").append(factor)
                    .append(" times,base,").append(prefix).append('-').append(i).append(",\"").append(factor)
                    .append(", generated rate for ").append(prefix).append('-').append(i).append("\"\n");
        }
        return csv.toString();
    }

    /** The table alone, with the 1-point-per-yuan base rule the multipliers apply to. */
    public static RuleSet categoryRates(int rows) {
        return categoryRates(rows, "cat");
    }

    public static RuleSet categoryRates(int rows, String prefix) {
        return new RuleSet(List.of(
                RuleFile.text("generated-rates.csv", categoryRatesCsv(rows, prefix)),
                RuleFile.text("base.drl", """
                        package io.jifen.rules.generated;
                        import io.jifen.engine.facts.*;
                        global RuleActions actions;
                        rule "earn 1 point per yuan"
                            ruleflow-group "base"
                        when
                            Purchase()
                        then
                            actions.pointsPerUnit(1, 1, "1 point per yuan");
                        end
                        """)));
    }
}
