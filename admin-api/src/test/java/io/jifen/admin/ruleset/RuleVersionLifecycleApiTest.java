package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RuleVersionLifecycleApiTest {

    @Inject
    RuleVersions resolver;

    @Inject
    ProgramRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void referenceProgramUploadedAsJsonWithABase64SpreadsheetBecomesADraftThenGoesLive() {
        Api.TestMerchant shop = newMerchant();
        String base = "/merchants/" + shop.code() + "/rule-versions";
        as(shop.marketing()).body(referenceUpload("reference program")).post(base).then().statusCode(201)
                .header("Location", endsWith(base + "/1"))
                .body("number", equalTo(1))
                .body("status", equalTo("DRAFT"))
                .body("contentHash", equalTo(ReferenceProgram.ruleSet().contentHash()))
                .body("files.name", hasItems("earning.drl", "spend-threshold.xlsx"));
        as(shop.marketing()).body("{}").post(base + "/1/activation").then().statusCode(200).body("version", equalTo(1));
        as(shop.integrator()).get(base + "/active").then().statusCode(200).body("number", equalTo(1))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void uploadingIdenticalFilesAgainReturnsTheExistingVersionWith200() {
        Api.TestMerchant shop = newMerchant();
        int first = uploadDrl(shop, 3);
        as(shop.marketing()).body(Map.of("description", "same again", "files", List.of(textFile("earning.drl", earnDrl(3)))))
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(200)
                .body("number", equalTo(first));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions").then().body("items.size()", equalTo(1));
    }

    @Test
    void brokenDrlIsRejectedWithEveryDiagnosticNamingFileAndLine() {
        Api.TestMerchant shop = newMerchant();
        String broken = earnDrl(1).replace("    Purchase()", "    Purchase(total >");
        as(shop.marketing()).body(Map.of("files", List.of(textFile("promo/broken.drl", broken))))
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/rule-set-rejected"))
                .body("errors.size()", greaterThan(0))
                .body("errors[0].file", equalTo("promo/broken.drl"))
                .body("errors[0].line", greaterThan(0));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions").then().body("items.size()", equalTo(0));
    }

    @Test
    void multipartUploadTakesOnePartPerFileNamedByItsFilename() {
        Api.TestMerchant shop = newMerchant();
        String base = "/merchants/" + shop.code() + "/rule-versions";
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("description", "from the console")
                .multiPart("file", "earning.drl", earnDrl(2).getBytes(), "text/plain")
                .multiPart("file", "spend-threshold.xlsx", ReferenceProgram.ruleFile("spend-threshold.xlsx").content(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post(base).then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("description", equalTo("from the console"))
                .body("files.name", contains("earning.drl", "spend-threshold.xlsx"));
        // the same files as JSON are the same version: one content hash whatever the transport
        as(shop.marketing()).body(Map.of("files", asJson(List.of(RuleFile.text("earning.drl", earnDrl(2)),
                        ReferenceProgram.ruleFile("spend-threshold.xlsx")))))
                .post(base).then().statusCode(200).body("number", equalTo(1));
    }

    @Test
    void multipartFilenamesKeepTheirFolders() {
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("file", "promo/spring.drl", earnDrl(12).getBytes(), "text/plain")
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(201)
                .body("files.name", contains("promo/spring.drl"));
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("file", "../escape.drl", earnDrl(13).getBytes(), "text/plain")
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(422)
                .body("errors[0].message", containsString("../escape.drl"));
        as(shop.marketing()).body(Map.of("files", List.of(textFile("promo/../escape.drl", earnDrl(14)))))
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(422)
                .body("errors[0].field", equalTo("files[0].name"));
    }

    @Test
    void theNamedMultipartFormReadsOnlyItsFilesPartsAndNamesABadOneByItsPlace() {
        Api.TestMerchant shop = newMerchant();
        String base = "/merchants/" + shop.code() + "/rule-versions";
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("description", "named parts")
                .multiPart("files", "earning.drl", earnDrl(3).getBytes(), "text/plain")
                .multiPart("files", "promo/spring.drl", earnDrl(4).getBytes(), "text/plain")
                .multiPart("other", "ignored.drl", earnDrl(5).getBytes(), "text/plain")
                .post(base + "/multipart").then().statusCode(201)
                .header("Location", endsWith(base + "/1"))
                .body("description", equalTo("named parts"))
                .body("files.name", contains("earning.drl", "promo/spring.drl"));
        // the same files by the older form: the same version, 200
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("description", "named parts")
                .multiPart("file", "earning.drl", earnDrl(3).getBytes(), "text/plain")
                .multiPart("file", "promo/spring.drl", earnDrl(4).getBytes(), "text/plain")
                .post(base).then().statusCode(200).body("number", equalTo(1));
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("files", "ok.drl", earnDrl(6).getBytes(), "text/plain")
                .multiPart("files", "../escape.drl", earnDrl(7).getBytes(), "text/plain")
                .post(base + "/multipart").then().statusCode(422)
                .body("errors[0].field", equalTo("files[1]"));
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("file", "wrong-part-name.drl", earnDrl(8).getBytes(), "text/plain")
                .post(base + "/multipart").then().statusCode(422)
                .body("errors[0].field", equalTo("files"));
    }

    @Test
    void multipartUploadOfABrokenFileListsItsDiagnostics() {
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).contentType("multipart/form-data")
                .multiPart("file", "bad.drl", "rule \"x\" when then end end".getBytes(), "text/plain")
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(422)
                .body("errors[0].file", equalTo("bad.drl"));
        as(shop.marketing()).contentType("multipart/form-data").multiPart("description", "no files")
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(422)
                .body("errors[0].field", equalTo("files"));
    }

    @Test
    void activatingANewerVersionRetiresThePreviousOneAndRollbackReactivatesIt() {
        Api.TestMerchant shop = newMerchant();
        int v1 = uploadDrl(shop, 1);
        int v2 = uploadDrl(shop, 2);
        activate(shop, v1);
        assertThat(List.of(status(shop, v1), status(shop, v2))).containsExactly("ACTIVE", "DRAFT");
        activate(shop, v2);
        assertThat(List.of(status(shop, v1), status(shop, v2))).containsExactly("INACTIVE", "ACTIVE");
        activate(shop, v1); // rollback = activating the older number
        assertThat(List.of(status(shop, v1), status(shop, v2))).containsExactly("ACTIVE", "INACTIVE");
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.action == 'rule-version.activated' }.size()", equalTo(3));
    }

    @Test
    void concurrentUploadsOfDifferentFilesGetDistinctConsecutiveNumbers() throws Exception {
        Api.TestMerchant shop = newMerchant();
        // compiled beforehand, so the 8 uploads race on numbering, not on the compile slots
        // (more uploads than slots needing a compile are refused with 503: CompileLimitsApiTest)
        for (int i = 0; i < 8; i++) {
            registry.compile(RuleSet.of(RuleFile.text("earning.drl",
                    earnDrl(10 + i)))).orThrow();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int points = 10 + i;
                uploads.add(pool.submit((Callable<Integer>) () -> uploadDrl(shop, points)));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> f : uploads) {
                numbers.add(f.get());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What this proves: the active version is a function of the shared tables alone. A plain JDBC
     * connection (standing in for a second service instance, which holds no state of this one) and a
     * fresh {@link RuleVersions} lookup in a new transaction both resolve the version the API made
     * active, after an activation and after a rollback. It does not start a second JVM.
     */
    @Test
    void aSecondReaderOnTheSameDatabaseAgreesOnTheActiveVersion() throws Exception {
        Api.TestMerchant shop = newMerchant();
        int v1 = uploadDrl(shop, 4);
        int v2 = uploadDrl(shop, 5);
        for (int live : List.of(v2, v1)) {
            activate(shop, live);
            int api = as(shop.integrator()).get("/merchants/" + shop.code() + "/rule-versions/active").then()
                    .statusCode(200).extract().path("number");
            int jdbc = activeByJdbc(shop.code());
            int lookup = QuarkusTransaction.requiringNew().call(() -> resolver
                    .activeAt(Merchant.byCode(shop.code()).orElseThrow(), Instant.now()).orElseThrow().version().number);
            assertThat(List.of(api, jdbc, lookup)).containsOnly(live);
        }
    }

    /** The resolution rule written out in SQL, independent of the service's code. */
    private int activeByJdbc(String merchantCode) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             PreparedStatement s = c.prepareStatement("""
                     select v.number from activation a
                       join rule_version v on v.id = a.rule_version_id
                       join merchant m on m.id = a.merchant_id
                      where m.code = ? and a.cancelled_at is null and a.effective_at <= now()
                      order by a.effective_at desc, a.id desc limit 1""")) {
            s.setString(1, merchantCode);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("an active version").isTrue();
                return r.getInt(1);
            }
        }
    }
}
