package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RuleVersionFilesApiTest {

    @Test
    void filesAreListedWithSizesAndDownloadedByteForByteWithTheirContentType() {
        Api.TestMerchant shop = newMerchant();
        String drl = earnDrl(7);
        byte[] xlsx = ReferenceProgram.ruleFile("spend-threshold.xlsx").content();
        int v = upload(shop, Map.of("files", asJson(List.of(RuleFile.text("promo/earning.drl", drl),
                new RuleFile("spend-threshold.xlsx", xlsx)))));
        String base = "/merchants/" + shop.code() + "/rule-versions/" + v + "/files";
        as(shop.qa()).get(base).then().statusCode(200)
                .body("items.name", contains("promo/earning.drl", "spend-threshold.xlsx"))
                .body("items.find { it.name == 'spend-threshold.xlsx' }.size", equalTo(xlsx.length))
                .body("items.find { it.name == 'promo/earning.drl' }.contentType", startsWith("text/plain"));
        String text = as(shop.qa()).get(base + "/promo/earning.drl").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertThat(text).isEqualTo(drl);
        byte[] bytes = as(shop.marketing()).get(base + "/spend-threshold.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("spend-threshold.xlsx"))
                .extract().asByteArray();
        assertThat(bytes).isEqualTo(xlsx);
        as(shop.qa()).get(base + "/nothing.drl").then().statusCode(404).contentType("application/problem+json");
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/99/files").then().statusCode(404);
    }

    @Test
    void diffListsAddedRemovedChangedAndUnchangedFilesWithAUnifiedDiffOfText() {
        Api.TestMerchant shop = newMerchant();
        int v1 = upload(shop, Map.of("files", List.of(textFile("earning.drl", earnDrl(1)),
                textFile("old.drl", earnDrl(9).replace("earn 9", "old 9")),
                textFile("same.drl", earnDrl(8).replace("earn 8", "same 8")))));
        int v2 = upload(shop, Map.of("files", List.of(textFile("earning.drl", earnDrl(2)),
                textFile("new.drl", earnDrl(6).replace("earn 6", "new 6")),
                textFile("same.drl", earnDrl(8).replace("earn 8", "same 8")))));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/" + v1 + "/diff/" + v2).then().statusCode(200)
                .body("from", equalTo(v1)).body("to", equalTo(v2))
                .body("added.name", contains("new.drl"))
                .body("removed.name", contains("old.drl"))
                .body("unchanged", contains("same.drl"))
                .body("changed.name", contains("earning.drl"))
                .body("changed[0].binary", equalTo(false))
                .body("changed[0].unifiedDiff", allOf(
                        startsWith("--- a/earning.drl\n+++ b/earning.drl\n@@ -2,"),
                        containsString("\n-rule \"earn 1 points per yuan\"\n+rule \"earn 2 points per yuan\"\n"),
                        containsString("\n-    actions.pointsPerUnit(1, 1, \"1 points per yuan\");\n"
                                + "+    actions.pointsPerUnit(2, 1, \"2 points per yuan\");\n")));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/" + v1 + "/diff/" + v1).then().statusCode(200)
                .body("changed", empty()).body("unchanged.size()", equalTo(3));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/" + v1 + "/diff/42").then().statusCode(404);
    }
}
