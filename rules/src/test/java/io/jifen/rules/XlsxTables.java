package io.jifen.rules;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the reference program's XLSX decision tables with Apache POI, so the binary files in
 * {@code src/main/resources} always have a readable, reviewable source. Re-run it after editing a
 * table below and commit the regenerated .xlsx files:
 * <pre>
 *   ./mvnw -B -q -pl engine,rules test -Dtest=XlsxTablesTest -Djifen.regenerateXlsx=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (or run {@link #main} with the rules module's folder as the argument). {@code XlsxTablesTest}
 * fails when a committed spreadsheet no longer compiles to the same DRL as this generator's output.
 *
 * <p>Drools reads a merged cell (e.g. one pattern over two condition columns) only when the blank
 * cells inside the merged region exist, so {@link DecisionTableSheet#merge} creates them.
 */
public final class XlsxTables {
    public static final String SPEND_THRESHOLD = "io/jifen/rules/reference/spend-threshold.xlsx";
    public static final String TIER_QUALIFICATION = "io/jifen/rules/variants/tier-qualification.xlsx";

    private XlsxTables() {
    }

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path resources = module.resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            resources = module.resolve("rules/src/main/resources");
        }
        writeAll(resources);
    }

    /** Writes every table under the given resources folder. */
    public static void writeAll(Path resources) throws IOException {
        write(resources.resolve(SPEND_THRESHOLD), spendThreshold());
        write(resources.resolve(TIER_QUALIFICATION), tierQualification());
    }

    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        System.out.println("wrote " + target);
    }

    /** The year-end campaign: only the highest threshold reached gives its bonus. */
    public static byte[] spendThreshold() {
        DecisionTableSheet t = table("Spend threshold");
        t.header("Spend-threshold bonus of the year-end campaign, 2026-11-01 to 2026-12-31 (merchant-local dates). "
                + "Thresholds are on Purchase.total, what the member paid, so lines excluded from earning still count. "
                + "Precedence: all three rules are in activation group spend-threshold, so only one of them fires: "
                + "the one with the highest PRIORITY (salience) among those whose threshold is reached (2000 before 1000 before 500). "
                + "The rules belong to the campaign year-end (METADATA column): the merchant defines its window, audience and "
                + "budget (docs/campaigns.md); outside them the rules award nothing.");
        t.row("RuleTable Spend threshold bonus");
        t.row("NAME", "RULEFLOW-GROUP", "ACTIVATION-GROUP", "PRIORITY", "CONDITION", "CONDITION", "ACTION", "METADATA");
        t.row("", "", "", "", "ProgramCalendar", "$purchase : Purchase", "", "");
        t.row("", "", "", "", "isBetween(\"$1\", \"$2\")", "total >= $param",
                "actions.bonus($1, \"THRESHOLD\", \"$2\");", "campaign(\"$param\")");
        t.row("Rule", "Phase", "Only one of", "Precedence (highest first)", "Campaign window (from,to)",
                "Purchase total at least (yuan)", "Bonus points, reason", "Campaign (window, audience, budget)");
        t.row("600 bonus points for 2000 yuan or more in the year-end campaign", "bonus", "spend-threshold", "30",
                "2026-11-01,2026-12-31", "2000", "600, the purchase reached the 2000 yuan threshold", "year-end");
        t.row("250 bonus points for 1000 yuan or more in the year-end campaign", "bonus", "spend-threshold", "20",
                "2026-11-01,2026-12-31", "1000", "250, the purchase reached the 1000 yuan threshold", "year-end");
        t.row("100 bonus points for 500 yuan or more in the year-end campaign", "bonus", "spend-threshold", "10",
                "2026-11-01,2026-12-31", "500", "100, the purchase reached the 500 yuan threshold", "year-end");
        return t.toXlsx();
    }

    /** The tier-qualification family as an XLSX table, with the rule names of tier-qualification.dslr. */
    public static byte[] tierQualification() {
        DecisionTableSheet t = table("Tier qualification");
        t.header("Tier qualification on the rolling 12-month spend including the purchase under evaluation. "
                + "The same rules, with the same names, as reference/tier-qualification.dslr. "
                + "Ranges are mutually exclusive: at least FROM and less than BELOW (a blank cell means no bound).");
        t.row("RuleTable Tier qualification");
        t.row("NAME", "RULEFLOW-GROUP", "CONDITION", "CONDITION", "ACTION");
        int pattern = t.row("", "", "MemberActivity", "", "");
        t.merge(pattern, 2, 3);
        t.row("", "", "qualifyingSpend >= $param", "qualifyingSpend < $param", "actions.assignTier(\"$1\", \"$2\");");
        t.row("Rule", "Phase", "Qualifying spend from", "Qualifying spend below", "Tier, reason");
        t.row("gold from 20000 yuan of qualifying spend", "tier", "20000", "",
                "GOLD, qualifying spend over 12 months reached 20000 yuan");
        t.row("silver from 5000 yuan of qualifying spend", "tier", "5000", "20000",
                "SILVER, qualifying spend over 12 months reached 5000 yuan");
        t.row("regular below 5000 yuan of qualifying spend", "tier", "", "5000",
                "REGULAR, qualifying spend over 12 months is below 5000 yuan");
        return t.toXlsx();
    }

    private static DecisionTableSheet table(String sheet) {
        return new DecisionTableSheet(sheet, "io.jifen.rules.reference", "io.jifen.engine.facts.*");
    }
}
