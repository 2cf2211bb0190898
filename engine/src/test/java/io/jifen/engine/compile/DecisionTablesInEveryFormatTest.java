package io.jifen.engine.compile;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The same threshold table as CSV, XLSX and XLS compiles at runtime to the same program behaviour. */
class DecisionTablesInEveryFormatTest {
    private static final List<List<String>> TABLE = List.of(
            List.of("RuleSet", "jifen.tables"),
            List.of("Import", "io.jifen.engine.facts.*"),
            List.of("Variables", "RuleActions actions"),
            List.of(),
            List.of("RuleTable Spend Threshold"),
            List.of("NAME", "RULEFLOW-GROUP", "ACTIVATION-GROUP", "PRIORITY", "CONDITION", "ACTION"),
            List.of("", "", "", "", "Purchase", "actions"),
            List.of("", "", "", "", "total >= $param", "bonus($param, \"THRESHOLD\", \"spend threshold bonus\");"),
            List.of("Rule", "Phase", "Only one", "Priority", "Minimum spend", "Bonus points"),
            List.of("spend 2000", "bonus", "threshold", "30", "2000", "600"),
            List.of("spend 1000", "bonus", "threshold", "20", "1000", "250"),
            List.of("spend 500", "bonus", "threshold", "10", "500", "100"));

    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();

    @Test
    void csvTableAwardsTheHighestThresholdOnly() {
        assertThresholdBehaviour(RuleFile.text("threshold.csv", csv()));
    }

    @Test
    void xlsxTableAwardsTheHighestThresholdOnly() throws IOException {
        assertThresholdBehaviour(new RuleFile("threshold.xlsx", workbook(new XSSFWorkbook())));
    }

    @Test
    void xlsTableAwardsTheHighestThresholdOnly() throws IOException {
        assertThresholdBehaviour(new RuleFile("threshold.xls", workbook(new HSSFWorkbook())));
    }

    private static void assertThresholdBehaviour(RuleFile table) {
        CompiledProgram program = ENGINE.compile(RuleSet.of(table)).orThrow();
        assertThat(points(program, "499.99")).isZero();
        assertThat(points(program, "500.00")).isEqualTo(100);
        assertThat(points(program, "1999.99")).isEqualTo(250);
        assertThat(points(program, "2000.00")).isEqualTo(600);
        assertThat(program.evaluatePurchase(context("REGULAR"), purchaseAt("2026-11-20T10:00:00",
                line("A", "grocery", "2500.00"))).orThrow().awards()).singleElement()
                .satisfies(a -> assertThat(a.rule()).isEqualTo("spend 2000"));
    }

    private static long points(CompiledProgram program, String amount) {
        return program.evaluatePurchase(context("REGULAR"), purchaseAt("2026-11-20T10:00:00",
                line("A", "grocery", amount))).orThrow().totalPoints();
    }

    private static String csv() {
        StringBuilder s = new StringBuilder();
        for (List<String> row : TABLE) {
            s.append(String.join(",", row.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList())).append('\n');
        }
        return s.toString();
    }

    private static byte[] workbook(Workbook workbook) throws IOException {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Rules");
            for (int r = 0; r < TABLE.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < TABLE.get(r).size(); c++) {
                    row.createCell(c).setCellValue(TABLE.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
