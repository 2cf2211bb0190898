package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static io.jifen.admin.support.Api.uploadReferenceProgram;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * GET and POST /merchants/{code}/spreadsheet-previews: a decision table's workbook as grids of text
 * for the console, from a stored version or from bytes not stored yet; bounded and read-only.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class SpreadsheetPreviewApiTest {
    private static String previews(Api.TestMerchant shop) {
        return "/merchants/" + shop.code() + "/spreadsheet-previews";
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aStoredSpreadsheetIsShownAsTheCellsASpreadsheetProgramShows() {
        Api.TestMerchant shop = newMerchant();
        int version = uploadReferenceProgram(shop);
        for (String key : List.of(shop.marketing(), shop.qa())) {
            as(key).queryParam("version", version).queryParam("file", "spend-threshold.xlsx").get(previews(shop))
                    .then().statusCode(200).contentType("application/json")
                    .body("name", equalTo("spend-threshold.xlsx"))
                    .body("sheets", hasSize(greaterThanOrEqualTo(1)))
                    .body("sheets[0].rows", equalTo(13))
                    .body("sheets[0].columns", equalTo(8))
                    .body("sheets[0].truncated", equalTo(false))
                    .body("sheets[0].cells", hasSize(13))
                    .body("sheets[0].cells[0][0]", equalTo("RuleSet"))
                    .body("sheets[0].cells[5][0]", equalTo("RuleTable Spend threshold bonus"))
                    .body("sheets[0].cells[6]", contains("NAME", "RULEFLOW-GROUP", "ACTIVATION-GROUP", "PRIORITY",
                            "CONDITION", "CONDITION", "ACTION", "METADATA"))
                    .body("sheets[0].cells[11][7]", equalTo("year-end"))
                    .body("sheets[0].cells[8][5]", equalTo("total >= $param"))
                    // F12: what the 1000-yuan rule needs; an empty cell is null
                    .body("sheets[0].cells[11][5]", equalTo("1000"))
                    .body("sheets[0].cells[11][3]", equalTo("20"))
                    .body("sheets[0].cells[7][0]", nullValue());
        }
    }

    @Test
    void aSpreadsheetNotStoredYetGivesTheSameGridsWithMergedRegionsAndCachedFormulaValues() throws IOException {
        Api.TestMerchant shop = newMerchant();
        byte[] tiers = ReferenceProgram.variant("tier-qualification.xlsx").content();
        as(shop.marketing()).body(Map.of("name", "tiers/tier-qualification.xlsx", "content", base64(tiers)))
                .post(previews(shop)).then().statusCode(200)
                .body("name", equalTo("tiers/tier-qualification.xlsx"))
                .body("sheets[0].cells[0][0]", equalTo("RuleSet"))
                .body("sheets[0].merged", not(empty()))
                .body("sheets[0].merged", everyItem(matchesPattern("[A-Z]+[0-9]+:[A-Z]+[0-9]+")));

        byte[] workbook;
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet first = wb.createSheet("Rates");
            Row row = first.createRow(0);
            row.createCell(0).setCellValue("two");
            Cell formula = row.createCell(2);
            formula.setCellFormula("1+1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formula);
            first.createRow(3).createCell(1).setCellValue(2.5);
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("second sheet");
            wb.write(out);
            workbook = out.toByteArray();
        }
        as(shop.qa()).body(Map.of("name", "rates.xlsx", "content", base64(workbook))).post(previews(shop))
                .then().statusCode(200)
                .body("sheets.name", contains("Rates", "Notes"))
                .body("sheets[0].rows", equalTo(4))
                .body("sheets[0].columns", equalTo(3))
                .body("sheets[0].cells[0]", contains("two", null, "2"))
                .body("sheets[0].cells[1]", contains(null, null, null))
                .body("sheets[0].cells[3][1]", equalTo("2.5"))
                .body("sheets[1].cells[0][0]", equalTo("second sheet"));
    }

    @Test
    void aLargeSheetIsCutAndSaysSo() throws IOException {
        Api.TestMerchant shop = newMerchant();
        byte[] workbook;
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Big");
            for (int r = 0; r < SpreadsheetGrid.MAX_ROWS + 100; r++) {
                sheet.createRow(r).createCell(0).setCellValue("row " + (r + 1));
            }
            sheet.getRow(0).createCell(SpreadsheetGrid.MAX_COLUMNS + 5).setCellValue("far right");
            wb.write(out);
            workbook = out.toByteArray();
        }
        as(shop.marketing()).body(Map.of("name", "big.xlsx", "content", base64(workbook))).post(previews(shop))
                .then().statusCode(200)
                .body("sheets[0].truncated", equalTo(true))
                .body("sheets[0].rows", equalTo(SpreadsheetGrid.MAX_ROWS))
                .body("sheets[0].columns", equalTo(1))
                .body("sheets[0].cells[1999][0]", equalTo("row 2000"));
    }

    @Test
    void whatIsNoSpreadsheetOrTooLargeIsRefusedNamingTheField() {
        Api.TestMerchant shop = newMerchant();
        String csv = base64("RuleSet,x\n".getBytes());
        as(shop.marketing()).body(Map.of("name", "rates.csv", "content", csv)).post(previews(shop)).then()
                .statusCode(422).body("type", equalTo("https://jifen.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("name"));
        as(shop.marketing()).body(Map.of("name", "../rates.xlsx", "content", csv)).post(previews(shop)).then()
                .statusCode(422).body("errors[0].field", equalTo("name"));
        as(shop.marketing()).body(Map.of("name", "rates.xlsx", "content", "not base64 !")).post(previews(shop)).then()
                .statusCode(422).body("errors[0].field", equalTo("content"))
                .body("errors[0].message", equalTo("is not valid base64"));
        as(shop.marketing()).body(Map.of("name", "rates.xlsx", "content", csv)).post(previews(shop)).then()
                .statusCode(422).body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("cannot be read as a spreadsheet"));
        byte[] large = new byte[600 * 1024];
        new Random(7).nextBytes(large);
        as(shop.marketing()).body(Map.of("name", "rates.xlsx", "content", base64(large))).post(previews(shop)).then()
                .statusCode(422).body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("at most 524288 bytes"));
        as(shop.marketing()).body(Map.of("name", "rates.xlsx")).post(previews(shop)).then().statusCode(422)
                .body("errors[0].field", equalTo("content"));
    }

    @Test
    void aStoredFileIsNamedByVersionAndFile() {
        Api.TestMerchant shop = newMerchant();
        int version = uploadReferenceProgram(shop);
        as(shop.marketing()).queryParam("file", "spend-threshold.xlsx").get(previews(shop)).then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        as(shop.marketing()).queryParam("version", version).get(previews(shop)).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        as(shop.marketing()).queryParam("version", version).queryParam("file", "category-rates.csv").get(previews(shop))
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
        as(shop.marketing()).queryParam("version", "abc").queryParam("file", "spend-threshold.xlsx").get(previews(shop))
                .then().statusCode(400);
        as(shop.marketing()).queryParam("version", version + 1).queryParam("file", "spend-threshold.xlsx")
                .get(previews(shop)).then().statusCode(404);
        as(shop.marketing()).queryParam("version", version).queryParam("file", "other.xlsx").get(previews(shop))
                .then().statusCode(404).body("detail", containsString("other.xlsx"));
    }

    @Test
    void integratorsAreRefusedAndOtherMerchantsAreNotFound() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        int version = uploadReferenceProgram(shop);
        String xlsx = base64(ReferenceProgram.ruleFile("spend-threshold.xlsx").content());
        as(shop.integrator()).queryParam("version", version).queryParam("file", "spend-threshold.xlsx")
                .get(previews(shop)).then().statusCode(403);
        as(shop.integrator()).body(Map.of("name", "s.xlsx", "content", xlsx)).post(previews(shop)).then().statusCode(403);
        as(other.marketing()).queryParam("version", version).queryParam("file", "spend-threshold.xlsx")
                .get(previews(shop)).then().statusCode(404);
        as(other.marketing()).body(Map.of("name", "s.xlsx", "content", xlsx)).post(previews(shop)).then().statusCode(404);
        given().body(Map.of("name", "s.xlsx", "content", xlsx)).contentType("application/json").post(previews(shop))
                .then().statusCode(401);
    }
}
