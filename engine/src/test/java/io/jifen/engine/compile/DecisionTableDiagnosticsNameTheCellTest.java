package io.jifen.engine.compile;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.LoyaltyEngine;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem in a decision table is reported at the cell the author has to change, in CSV and XLSX
 * alike: the row stays in {@code line}, the cell is named ({@code threshold.xlsx!C11}).
 */
class DecisionTableDiagnosticsNameTheCellTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();

    /** Rows 1-12 of the sheet; A..D. Row 8 holds the templates, rows 10-12 the rules. */
    private static List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>(List.of(
                List.of("RuleSet", "jifen.cells"),
                List.of("Import", "io.jifen.engine.facts.*"),
                List.of("Variables", "RuleActions actions"),
                List.of(),
                List.of("RuleTable Spend Threshold"),
                List.of("NAME", "RULEFLOW-GROUP", "CONDITION", "ACTION"),
                List.of("", "", "Purchase", "actions"),
                List.of("", "", "total >= $param", "bonus($param, \"THRESHOLD\", \"spend threshold bonus\");"),
                List.of("Rule", "Phase", "Minimum spend", "Bonus points"),
                List.of("spend 2000", "bonus", "2000", "600"),
                List.of("spend 1000", "bonus", "1000", "250"),
                List.of("spend 500", "bonus", "500", "100")));
        rows.replaceAll(ArrayList::new);
        return rows;
    }

    /** The table with one cell changed, e.g. {@code C11}. */
    private static List<List<String>> with(String cell, String value) {
        List<List<String>> rows = table();
        int column = cell.charAt(0) - 'A';
        int row = Integer.parseInt(cell.substring(1)) - 1;
        List<String> r = rows.get(row);
        while (r.size() <= column) {
            r.add("");
        }
        r.set(column, value);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void theUnchangedTableCompiles(String format) {
        assertThat(ENGINE.compile(RuleSet.of(file(format, table())))).isInstanceOf(CompilationResult.Compiled.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void aWrongValueInAConditionIsReportedAtItsCell(String format) {
        assertThat(rejected(file(format, with("C11", "lots")))).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("threshold." + format);
            assertThat(d.cell()).isEqualTo("C11");
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.column()).isZero();
            assertThat(d).hasToString("threshold." + format + "!C11: " + d.message());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void aBrokenValueInAnActionIsReportedAtItsCell(String format) {
        assertThat(rejected(file(format, with("D12", "100)")))).singleElement().satisfies(d -> {
            assertThat(d.cell()).isEqualTo("D12");
            assertThat(d.line()).isEqualTo(12);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void anUnknownPhaseIsReportedAtItsPhaseCell(String format) {
        assertThat(rejected(file(format, with("B10", "bonsu")))).singleElement().satisfies(d -> {
            assertThat(d.cell()).isEqualTo("B10");
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.message()).contains("\"bonsu\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void aMistakeInAColumnsTemplateIsReportedOnceAtTheTemplateNotAtEveryRuleRow(String format) {
        assertThat(rejected(file(format, with("C8", "totl >= $param")))).singleElement().satisfies(d -> {
            assertThat(d.cell()).isEqualTo("C8");
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).contains("totl");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void aTableDroolsCannotReadIsReportedAtTheCellItNames(String format) {
        // a value in a column without a CONDITION or ACTION header: Drools stops reading and names the cell
        assertThat(rejected(file(format, with("E11", "oops")))).singleElement().satisfies(d -> {
            assertThat(d.cell()).isEqualTo("E11");
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.message()).startsWith("cannot read the decision table");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void aWrongImportIsReportedAtTheImportCell(String format) {
        assertThat(rejected(file(format, with("B2", "java.io.*")))).isNotEmpty().allSatisfy(d -> {
            assertThat(d.cell()).isEqualTo("B2");
            assertThat(d.line()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void aRuleIsDefinedAtItsRow(String format) {
        CompilationResult result = ENGINE.compile(RuleSet.of(file(format, table())));
        assertThat(result.orThrow().rules()).extracting(RuleDefinition::name, RuleDefinition::line)
                .containsExactly(Tuple.tuple("spend 2000", 10),
                        Tuple.tuple("spend 1000", 11),
                        Tuple.tuple("spend 500", 12));
    }

    private static RuleFile file(String format, List<List<String>> rows) {
        return format.equals("csv") ? RuleFile.text("threshold.csv", csv(rows)) : new RuleFile("threshold.xlsx", xlsx(rows));
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : rows) {
            s.append(String.join(",", row.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList())).append('\n');
        }
        return s.toString();
    }

    private static byte[] xlsx(List<List<String>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Rules");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Diagnostic> rejected(RuleFile file) {
        CompilationResult result = ENGINE.compile(RuleSet.of(file));
        assertThat(result).as("rule set must be rejected").isInstanceOf(CompilationResult.Rejected.class);
        return ((CompilationResult.Rejected) result).diagnostics();
    }
}
