package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jifen.admin.ruleset.RuleVersionFixtures.textFile;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What issue 11 found, through the service: a MARKETING key uploading code disguised as a reason, or
 * code Drools would run while it builds, gets 422 at the file and line, and no version is stored.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class HostileUploadsAreRefusedApiTest {
    private static final String HEADER = """
            package promo;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            """;

    @Test
    void codeBehindAUnicodeEscapeInAReasonIsRefusedAtItsLineAndNothingIsStored() {
        Api.TestMerchant shop = newMerchant();
        String drl = HEADER + """
                rule "x" ruleflow-group "bonus" when Purchase() then
                    actions.bonus(1, "X", "r\\u0022); System.exit(0); //");
                end
                """;
        refused(shop, "evil.drl", drl)
                .body("errors.file", hasItem("evil.drl"))
                .body("errors.line", hasItem(5))
                .body("errors.message", hasItem(containsString("Unicode escape")));
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions").then().body("items.size()", equalTo(0));
    }

    @Test
    void metadataDroolsWouldEvaluateWhileBuildingIsRefusedBeforeItRuns() {
        Api.TestMerchant shop = newMerchant();
        String drl = HEADER + """
                rule "x"
                    @meta(java.lang.System.setProperty("jifen.pwned", "yes"))
                    ruleflow-group "bonus"
                when Purchase() then
                    actions.bonus(1, "X", "r");
                end
                """;
        refused(shop, "meta.drl", drl).body("errors.line", hasItem(5));
        Assertions.assertThat(System.getProperty("jifen.pwned")).isNull();
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions").then().body("items.size()", equalTo(0));
    }

    private static ValidatableResponse refused(Api.TestMerchant shop, String name, String drl) {
        return as(shop.marketing()).body(Map.of("files", List.of(textFile(name, drl))))
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/rule-set-rejected"));
    }
}
