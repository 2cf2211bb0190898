package io.jifen.admin.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export's cells: quoted when they must be, and never run by a spreadsheet as a formula. */
class SimulationReportCsvTest {
    @Test
    void textThatASpreadsheetWouldEvaluateIsPrefixedAndTextWithSeparatorsIsQuoted() {
        assertThat(ReportCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ReportCsv.text("+1")).isEqualTo("'+1");
        assertThat(ReportCsv.text("-1")).isEqualTo("'-1");
        assertThat(ReportCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.text("a, b")).isEqualTo("\"a, b\"");
        assertThat(ReportCsv.text("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(ReportCsv.text("earn 1 point per yuan")).isEqualTo("earn 1 point per yuan");
        assertThat(ReportCsv.text(null)).isEmpty();
    }
}
