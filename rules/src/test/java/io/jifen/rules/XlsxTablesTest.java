package io.jifen.rules;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed .xlsx files are what {@link XlsxTables} writes. Run with
 * {@code -Djifen.regenerateXlsx=true} to rewrite them from the generator first.
 */
class XlsxTablesTest {
    @Test
    void theCommittedSpreadsheetsAreWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("jifen.regenerateXlsx")) {
            XlsxTables.writeAll(Path.of("src", "main", "resources"));
        }
        assertThat(drl(committed(XlsxTables.SPEND_THRESHOLD))).isEqualTo(drl(XlsxTables.spendThreshold()));
        assertThat(drl(committed(XlsxTables.TIER_QUALIFICATION))).isEqualTo(drl(XlsxTables.tierQualification()));
    }

    @Test
    void theSpendThresholdTableMakesItsPrecedenceVisible() {
        String drl = drl(XlsxTables.spendThreshold());
        assertThat(drl).contains("activation-group \"spend-threshold\"")
                .contains("salience 30").contains("salience 20").contains("salience 10");
    }

    private static byte[] committed(String resource) throws IOException {
        try (InputStream in = XlsxTablesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String drl(byte[] xlsx) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx), InputType.XLS);
    }
}
