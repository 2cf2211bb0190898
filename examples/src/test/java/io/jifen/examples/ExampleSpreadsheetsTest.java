package io.jifen.examples;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed workbooks are what {@link ExampleSpreadsheets} writes. Run with
 * {@code -Djifen.regenerateSpreadsheets=true} to rewrite them from the generator first.
 */
class ExampleSpreadsheetsTest {
    @Test
    void theCommittedWorkbooksAreWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("jifen.regenerateSpreadsheets")) {
            ExampleSpreadsheets.writeAll(Path.of("src", "main", "resources"));
        }
        byte[] ratios = committed(ExampleSpreadsheets.LUMEN_LANE_CATEGORY_RATIOS);
        assertThat(ratios).as("an .xls file is an OLE2 (BIFF) workbook")
                .startsWith((byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0);
        assertThat(drl(ratios)).isEqualTo(drl(ExampleSpreadsheets.categoryRatios().toBytes(new HSSFWorkbook())));
        byte[] prices = committed(ExampleSpreadsheets.LUMEN_LANE_PRICE_LIST);
        assertThat(prices).as("an .xlsx file is a zip").startsWith((byte) 'P', (byte) 'K');
        assertThat(drl(prices)).isEqualTo(drl(ExampleSpreadsheets.priceList().toBytes(new XSSFWorkbook())));
    }

    @Test
    void thePriceListHoldsATierPriceTableAndAPointsPlusCashTable() {
        String drl = drl(ExampleSpreadsheets.priceList().toBytes(new XSSFWorkbook()));
        assertThat(drl).contains("QuoteRequest(item.sku == \"LAMP-AURORA\", member.tier == \"PREMIER\")")
                .contains("actions.listPrice(4000, \"PREMIER members pay 4000 points for the Aurora desk lamp\");")
                .contains("actions.pointsPlusCash(3000, new BigDecimal(\"39.00\")");
    }

    private static byte[] committed(String resource) throws IOException {
        try (InputStream in = ExampleSpreadsheetsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String drl(byte[] workbook) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(workbook), InputType.XLS);
    }
}
