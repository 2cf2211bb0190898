package io.jifen.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

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
 * cells inside the merged region exist, so {@link Table#merge} creates them.
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
        Table t = new Table("Spend threshold");
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
        Table t = new Table("Tier qualification");
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

    /** A sheet as rows of text cells, with the RuleSet header every reference table shares. */
    static final class Table {
        private final String sheet;
        private final List<String[]> rows = new ArrayList<>();
        private final List<int[]> merges = new ArrayList<>();

        Table(String sheet) {
            this.sheet = sheet;
        }

        void header(String notes) {
            row("RuleSet", "io.jifen.rules.reference");
            row("Import", "io.jifen.engine.facts.*");
            row("Variables", "RuleActions actions");
            row("Notes", notes);
            row();
        }

        /** Adds a row and returns its index. */
        int row(String... cells) {
            rows.add(cells);
            return rows.size() - 1;
        }

        /** Merges columns {@code from}..{@code to} of a row (the text is in the first cell). */
        void merge(int row, int from, int to) {
            merges.add(new int[] {row, from, to});
        }

        byte[] toXlsx() {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                // fixed document date, so regenerating an unchanged table changes as little as possible
                workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(1_790_000_000_000L)));
                Sheet s = workbook.createSheet(sheet);
                Font bold = workbook.createFont();
                bold.setBold(true);
                CellStyle keyword = workbook.createCellStyle();
                keyword.setFont(bold);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = s.createRow(r);
                    String[] cells = rows.get(r);
                    for (int c = 0; c < cells.length; c++) {
                        Cell cell = row.createCell(c);
                        if (!cells[c].isEmpty()) {
                            cell.setCellValue(cells[c]);
                        }
                        if (c == 0 && isKeyword(cells[c])) {
                            cell.setCellStyle(keyword);
                        }
                    }
                }
                for (int[] m : merges) {
                    Row row = s.getRow(m[0]);
                    for (int c = m[1]; c <= m[2]; c++) {
                        if (row.getCell(c) == null) {
                            row.createCell(c); // Drools needs the blank cells inside a merged region
                        }
                    }
                    s.addMergedRegion(new CellRangeAddress(m[0], m[0], m[1], m[2]));
                }
                for (int c = 0; c < 8; c++) {
                    s.setColumnWidth(c, 40 * 256);
                }
                workbook.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean isKeyword(String text) {
            return text.equals("RuleSet") || text.equals("Import") || text.equals("Variables") || text.equals("Notes")
                    || text.startsWith("RuleTable") || text.equals("NAME");
        }
    }
}
