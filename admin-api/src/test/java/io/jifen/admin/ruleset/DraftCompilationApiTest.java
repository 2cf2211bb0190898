package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.Database;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.HeldCompiles;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** POST /merchants/{code}/compilations: a draft compiled as an editor sends it, nothing stored. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class DraftCompilationApiTest {
    @Inject
    ProgramRegistry registry;

    @Inject
    HeldCompiles compiles;

    private static Response compile(String key, Api.TestMerchant shop, List<Map<String, Object>> files) {
        return as(key).body(Map.of("files", files)).post("/merchants/" + shop.code() + "/compilations");
    }

    private static List<Map<String, Object>> referenceWith(RuleFile replaced) {
        List<RuleFile> files = new ArrayList<>(ReferenceProgram.ruleSet().files());
        files.replaceAll(f -> f.name().equals(replaced.name()) ? replaced : f);
        return asJson(files);
    }

    @Test
    void aTypoInADslrSentenceIsReportedAtItsLineWithTheRulesStillListed() {
        Api.TestMerchant shop = newMerchant();
        String memberDay = ReferenceProgram.ruleFile("member-day.dslr").text()
                .replace("Today is day 10 of the month", "Today is dya 10 of the month");
        compile(shop.marketing(), shop, referenceWith(RuleFile.text("member-day.dslr", memberDay)))
                .then().statusCode(200).contentType("application/json")
                .body("ok", equalTo(false))
                .body("diagnostics", hasSize(1))
                .body("diagnostics[0].file", equalTo("member-day.dslr"))
                .body("diagnostics[0].line", equalTo(16))
                .body("diagnostics[0].cell", nullValue())
                .body("diagnostics[0].message", equalTo("no sentence of the vocabulary matches: Today is dya 10 of the month"));
    }

    @Test
    void aSyntaxErrorInDrlIsReportedAtItsLineAndColumnAndTheOtherRulesAreListed() {
        Api.TestMerchant shop = newMerchant();
        String drl = earnDrl(1) + """

                rule "broken"
                    ruleflow-group "bonus"
                when
                    Purchase(total >= )
                then
                    actions.bonus(5, "TASK", "broken");
                end
                """;
        compile(shop.qa(), shop, List.of(textFile("earning.drl", drl))).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("diagnostics.file", everyItem(equalTo("earning.drl")))
                .body("diagnostics.line", everyItem(equalTo(16)))
                .body("diagnostics[0].column", greaterThan(0))
                .body("diagnostics.message", everyItem(not(containsString("null Package"))));
        // a compile error after parsing: the rules read are listed beside the diagnostic
        String typo = earnDrl(1).replace("Purchase()", "Purchase(totl >= 10)");
        compile(shop.qa(), shop, List.of(textFile("earning.drl", typo))).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("diagnostics.message", hasItem(containsString("totl")))
                .body("rules", hasSize(1))
                .body("rules[0].name", equalTo("earn 1 points per yuan"))
                .body("rules[0].phase", equalTo("base"))
                .body("rules[0].line", equalTo(5));
    }

    @Test
    void aWrongValueInTheSpreadsheetIsReportedAtItsCellByTheCompileAndTheUpload() throws IOException {
        Api.TestMerchant shop = newMerchant();
        byte[] xlsx = ReferenceProgram.ruleFile("spend-threshold.xlsx").content();
        // F12: the purchase total the 1000-yuan rule needs
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(11).getCell(5).setCellValue("lots");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        List<Map<String, Object>> files = referenceWith(new RuleFile("spend-threshold.xlsx", xlsx));
        compile(shop.marketing(), shop, files).then().statusCode(200)
                .body("ok", equalTo(false))
                .body("diagnostics", hasSize(1))
                .body("diagnostics[0].file", equalTo("spend-threshold.xlsx"))
                .body("diagnostics[0].cell", equalTo("F12"))
                .body("diagnostics[0].line", equalTo(12))
                .body("diagnostics[0].column", nullValue())
                .body("diagnostics[0].message", containsString("lots"));
        as(shop.marketing()).body(Map.of("files", files)).post("/merchants/" + shop.code() + "/rule-versions")
                .then().statusCode(422)
                .body("type", equalTo("https://jifen.io/problems/rule-set-rejected"))
                .body("errors[0].file", equalTo("spend-threshold.xlsx"))
                .body("errors[0].cell", equalTo("F12"))
                .body("errors[0].line", equalTo(12));
    }

    @Test
    void theReferenceProgramCompilesWithEveryRuleItsPhaseAndWhereItIsWritten() {
        Api.TestMerchant shop = newMerchant();
        compile(shop.marketing(), shop, asJson(ReferenceProgram.ruleSet().files())).then().statusCode(200)
                .body("ok", equalTo(true))
                .body("contentHash", equalTo(ReferenceProgram.ruleSet().contentHash()))
                .body("diagnostics", empty())
                .body("rules", hasSize(32))
                .body("rules.find { it.name == 'member day: double points on the 10th' }",
                        equalTo(Map.of("name", "member day: double points on the 10th", "phase", "multiplier",
                                "file", "member-day.dslr", "line", 12)))
                .body("rules.find { it.name == 'earn 1 point per yuan' }.line", equalTo(9))
                // a decision-table rule is written on its spreadsheet row
                .body("rules.find { it.name == 'household goods earn double' }",
                        equalTo(Map.of("name", "household goods earn double", "phase", "base",
                                "file", "category-rates.csv", "line", 11)))
                .body("rules.file", hasItem("spend-threshold.xlsx"));
    }

    @Test
    void compilingStoresNothingAndCachesNothing() throws SQLException {
        Api.TestMerchant shop = newMerchant();
        String drl = earnDrl(3) + "// " + UUID.randomUUID() + "\n";
        Map<String, Long> before = rowCounts();
        compile(shop.marketing(), shop, List.of(textFile("earning.drl", drl))).then().statusCode(200)
                .body("ok", equalTo(true));
        compile(shop.marketing(), shop, List.of(textFile("earning.drl", drl.replace("Purchase()", "Purchase(")))).then()
                .statusCode(200).body("ok", equalTo(false));
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(registry.isCached(RuleSet.of(RuleFile.text("earning.drl", drl)).contentHash()))
                .as("a draft's program is not kept").isFalse();
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badFilesAreRefusedNamingTheField() {
        Api.TestMerchant shop = newMerchant();
        compile(shop.marketing(), shop, List.of(Map.of("name", "../earning.drl", "content", earnDrl(1))))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://jifen.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("files[0].name"));
        compile(shop.marketing(), shop, List.of(Map.of("name", "t.xlsx", "content", "not base64!", "encoding", "base64")))
                .then().statusCode(422).body("errors[0].field", equalTo("files[t.xlsx].content"));
        as(shop.marketing()).body(Map.of("files", List.of())).post("/merchants/" + shop.code() + "/compilations")
                .then().statusCode(422).body("errors[0].field", equalTo("files"));
    }

    @Test
    void onlyMarketingAndQaOfTheMerchantMayCompile() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        List<Map<String, Object>> files = List.of(textFile("earning.drl", earnDrl(1)));
        compile(shop.integrator(), shop, files).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://jifen.io/problems/forbidden"));
        compile(other.marketing(), shop, files).then().statusCode(404)
                .body("type", equalTo("https://jifen.io/problems/not-found"));
        compile(shop.qa(), shop, files).then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void whenEveryCompileSlotIsTakenADraftIsRefusedWith503AndRetryAfter() throws Exception {
        Api.TestMerchant shop = newMerchant();
        int slots = registry.maxConcurrentCompiles();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            held.add(earnDrl(20 + i) + "// " + UUID.randomUUID() + "\n");
        }
        ExecutorService uploaders = Executors.newFixedThreadPool(slots);
        try (HeldCompiles.Held hold = compiles.hold(Set.copyOf(held.stream()
                .map(drl -> RuleSet.of(RuleFile.text("earning.drl", drl)).contentHash()).toList()))) {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (String drl : held) {
                uploads.add(uploaders.submit(() -> compile(shop.marketing(), shop, List.of(textFile("earning.drl", drl)))
                        .statusCode()));
            }
            hold.awaitAllStarted();
            Response refused = compile(shop.marketing(), shop,
                    List.of(textFile("earning.drl", earnDrl(99) + "// " + UUID.randomUUID() + "\n")));
            refused.then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://jifen.io/problems/compiler-busy"));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 30L);
            hold.release();
            for (Future<Integer> upload : uploads) {
                assertThat(upload.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            uploaders.shutdownNow();
        }
    }

    /** Rows of every table a compile could write to, across all merchants. */
    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = Database.tests().connect(); Statement s = c.createStatement()) {
            for (String table : List.of("rule_version", "rule_version_file", "activation", "audit_log")) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
