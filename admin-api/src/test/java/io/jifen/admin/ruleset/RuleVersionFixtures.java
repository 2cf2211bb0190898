package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleFileKind;
import io.jifen.rules.ReferenceProgram;
import org.hamcrest.Matchers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;

/** Rule files and uploads for the rule-version tests (and the stored-suite tests, which run on versions). */
public final class RuleVersionFixtures {
    private RuleVersionFixtures() {
    }

    /** A one-rule program: {@code points} points per yuan, named after them. */
    public static String earnDrl(int points) {
        return """
                package io.jifen.test;
                import io.jifen.engine.facts.*;
                global RuleActions actions;

                rule "earn %d points per yuan"
                    ruleflow-group "base"
                when
                    Purchase()
                then
                    actions.pointsPerUnit(%d, 1, "%d points per yuan");
                end
                """.formatted(points, points, points);
    }

    public static Map<String, Object> textFile(String name, String content) {
        return Map.of("name", name, "content", content);
    }

    /** JSON upload file entries: text as is, spreadsheets base64. */
    public static List<Map<String, Object>> asJson(List<RuleFile> files) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleFile f : files) {
            boolean binary = RuleFileKind.of(f.name()).map(k -> k == RuleFileKind.XLSX || k == RuleFileKind.XLS).orElse(false);
            out.add(binary ? Map.of("name", f.name(), "content", Base64.getEncoder().encodeToString(f.content()), "encoding", "base64")
                    : Map.of("name", f.name(), "content", new String(f.content(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The reference program as a JSON upload body, with {@code replaced} files swapped in. */
    public static Map<String, Object> referenceUpload(String description, RuleFile... replaced) {
        List<RuleFile> files = new ArrayList<>(ReferenceProgram.ruleSet().files());
        for (RuleFile r : replaced) {
            files.removeIf(f -> f.name().equals(r.name()));
            files.add(r);
        }
        return Map.of("description", description, "files", asJson(files));
    }

    /** The reference earning.drl at {@code points} points per yuan instead of 1. */
    public static RuleFile referenceEarningAt(int points) {
        String drl = ReferenceProgram.ruleFile("earning.drl").text()
                .replace("actions.pointsPerUnit(1, 1,", "actions.pointsPerUnit(" + points + ", 1,");
        return RuleFile.text("earning.drl", drl);
    }

    /** Uploads and returns the version number (201 or 200). */
    public static int upload(Api.TestMerchant shop, Map<String, Object> body) {
        return as(shop.marketing()).body(body).post("/merchants/" + shop.code() + "/rule-versions")
                .then().statusCode(Matchers.anyOf(Matchers.is(201), Matchers.is(200)))
                .extract().path("number");
    }

    public static int uploadDrl(Api.TestMerchant shop, int points) {
        return upload(shop, Map.of("files", List.of(textFile("earning.drl", earnDrl(points)))));
    }

    public static void activate(Api.TestMerchant shop, int number) {
        as(shop.marketing()).body("{}").post("/merchants/" + shop.code() + "/rule-versions/" + number + "/activation")
                .then().statusCode(200);
    }

    public static String status(Api.TestMerchant shop, int number) {
        return as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/" + number).then().statusCode(200)
                .extract().path("status");
    }
}
