package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.*;

/** GET /merchants/{code}/rule-versions/{a}/rule-diff/{b}: rules added, removed and changed, in every authoring form. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RuleDiffApiTest {
    private static final String SPRING = """
            package io.jifen.rules.reference;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            expander loyalty.dsl
            rule "spring bonus"
                in phase bonus
            when
                There is a purchase
                The purchase total is at least 500
            then
                Give 20 bonus points as a THRESHOLD bonus, because spring campaign
            end
            """;

    /** v1: the reference program; v2: base rate 2, electronics at 0.8 (a table row), member day gone, a DSLR rule added. */
    private static int[] twoVersions(Api.TestMerchant shop) {
        int v1 = upload(shop, referenceUpload("reference"));
        List<RuleFile> files = new ArrayList<>(ReferenceProgram.ruleSet().files());
        files.removeIf(f -> f.name().equals("member-day.dslr"));
        files.replaceAll(f -> switch (f.name()) {
            case "earning.drl" -> referenceEarningAt(2);
            case "category-rates.csv" -> RuleFile.text(f.name(), f.text().replace("\"0.5, electronics", "\"0.8, electronics"));
            default -> f;
        });
        files.add(RuleFile.text("promo.dslr", SPRING));
        int v2 = upload(shop, Map.of("description", "spring", "files", asJson(files)));
        return new int[] {v1, v2};
    }

    @Test
    void rulesAddedRemovedAndChangedAreListedByNameWithTheirTextsAndPhases() {
        Api.TestMerchant shop = newMerchant();
        int[] v = twoVersions(shop);
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/" + v[0] + "/rule-diff/" + v[1])
                .then().statusCode(200).contentType("application/json")
                .body("from", equalTo(v[0])).body("to", equalTo(v[1]))
                // a DSLR rule: compiled text expanded from the sentences, authored text as written
                .body("added", hasSize(1))
                .body("added[0].name", equalTo("spring bonus"))
                .body("added[0].phase", equalTo("bonus"))
                .body("added[0].file", equalTo("promo.dslr"))
                .body("added[0].line", equalTo(5))
                .body("added[0].drl", allOf(startsWith("rule \"spring bonus\"\n"), containsString("actions.bonus(20"),
                        endsWith("end\n")))
                .body("added[0].authored", containsString("Give 20 bonus points as a THRESHOLD bonus"))
                .body("removed", hasSize(1))
                .body("removed[0].name", equalTo("member day: double points on the 10th"))
                .body("removed[0].phase", equalTo("multiplier"))
                .body("removed[0].file", equalTo("member-day.dslr"))
                .body("removed[0].line", equalTo(12))
                .body("changed.name", containsInAnyOrder("earn 1 point per yuan", "electronics earn half"))
                // a DRL rule
                .body("changed.find { it.name == 'earn 1 point per yuan' }.from.drl", containsString("pointsPerUnit(1, 1,"))
                .body("changed.find { it.name == 'earn 1 point per yuan' }.to.drl", containsString("pointsPerUnit(2, 1,"))
                .body("changed.find { it.name == 'earn 1 point per yuan' }.to.authored", containsString("pointsPerUnit(2, 1,"))
                .body("changed.find { it.name == 'earn 1 point per yuan' }.to.phase", equalTo("base"))
                .body("changed.find { it.name == 'earn 1 point per yuan' }.unifiedDiff",
                        allOf(containsString("\n-    actions.pointsPerUnit(1, 1,"), containsString("\n+    actions.pointsPerUnit(2, 1,")))
                // a decision-table row: the DRL generated for it, at its row, no authored text
                .body("changed.find { it.name == 'electronics earn half' }.from.drl", containsString("0.5"))
                .body("changed.find { it.name == 'electronics earn half' }.to.drl", containsString("0.8"))
                .body("changed.find { it.name == 'electronics earn half' }.to.file", equalTo("category-rates.csv"))
                .body("changed.find { it.name == 'electronics earn half' }.to.line", equalTo(13))
                .body("changed.find { it.name == 'electronics earn half' }.to.authored", nullValue())
                // 32 rules in v1, one removed and two changed
                .body("unchanged", hasSize(29))
                .body("unchanged", hasItems("household goods earn double", "at most 20000 points per purchase"));
        // and back: what was added is removed
        as(shop.marketing()).get("/merchants/" + shop.code() + "/rule-versions/" + v[1] + "/rule-diff/" + v[0])
                .then().statusCode(200)
                .body("added.name", contains("member day: double points on the 10th"))
                .body("removed.name", contains("spring bonus"))
                .body("changed.find { it.name == 'electronics earn half' }.to.drl", containsString("0.5"));
    }

    @Test
    void aVersionAgainstItselfHasOnlyUnchangedRules() {
        Api.TestMerchant shop = newMerchant();
        int v1 = upload(shop, referenceUpload("reference"));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/rule-versions/" + v1 + "/rule-diff/" + v1)
                .then().statusCode(200)
                .body("added", empty()).body("removed", empty()).body("changed", empty())
                .body("unchanged", hasSize(32));
    }

    @Test
    void unknownVersionsRolesAndOtherMerchantsAreRefused() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        int v1 = uploadDrl(shop, 1);
        String path = "/merchants/" + shop.code() + "/rule-versions/" + v1 + "/rule-diff/";
        as(shop.qa()).get(path + (v1 + 1)).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://jifen.io/problems/not-found"));
        as(shop.qa()).get(path + "two").then().statusCode(400)
                .body("type", equalTo("https://jifen.io/problems/invalid-parameter"));
        as(shop.integrator()).get(path + v1).then().statusCode(403);
        as(other.qa()).get(path + v1).then().statusCode(404);
    }
}
