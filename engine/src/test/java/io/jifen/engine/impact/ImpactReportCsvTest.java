package io.jifen.engine.impact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export's cells: quoted when they must be, and never run by a spreadsheet as a formula. */
class ImpactReportCsvTest {
    @Test
    void textThatASpreadsheetWouldEvaluateIsPrefixedAndTextWithSeparatorsIsQuoted() {
        assertThat(ImpactCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ImpactCsv.text("+1")).isEqualTo("'+1");
        assertThat(ImpactCsv.text("-1")).isEqualTo("'-1");
        assertThat(ImpactCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ImpactCsv.text("a, b")).isEqualTo("\"a, b\"");
        assertThat(ImpactCsv.text("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(ImpactCsv.text("earn 1 point per yuan")).isEqualTo("earn 1 point per yuan");
        assertThat(ImpactCsv.text(null)).isEmpty();
    }
}
