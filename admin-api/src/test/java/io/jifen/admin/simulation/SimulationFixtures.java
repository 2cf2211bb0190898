package io.jifen.admin.simulation;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.Poll;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;

/** Seeding history through the real posting API, candidate versions, and waiting for runs. */
final class SimulationFixtures {
    private SimulationFixtures() {
    }

    static void enrol(Api.TestMerchant shop, String member, String tier) {
        as(shop.integrator()).body(Map.of("tier", tier)).put("/merchants/" + shop.code() + "/members/" + member)
                .then().statusCode(Matchers.oneOf(200, 201));
    }

    /** Posts a one-line grocery purchase; returns the points it earned. */
    static int purchase(Api.TestMerchant shop, String id, String member, String at, String amount) {
        return as(shop.integrator()).body(Map.of("transactionId", id, "memberId", member, "occurredAt", at, "total", amount,
                        "lines", List.of(Map.of("sku", "BASKET", "category", "grocery", "quantity", 1, "amount", amount))))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201).extract().path("totalPoints");
    }

    static int event(Api.TestMerchant shop, String id, String member, String type, String at) {
        return as(shop.integrator()).body(Map.of("transactionId", id, "memberId", member, "type", type, "occurredAt", at))
                .post("/merchants/" + shop.code() + "/events").then().statusCode(201).extract().path("totalPoints");
    }

    /** Starts a run (202) and returns its id. */
    static long start(Api.TestMerchant shop, Map<String, Object> body) {
        return as(shop.marketing()).body(body).post("/merchants/" + shop.code() + "/simulations").then().statusCode(202)
                .extract().<Number>path("id").longValue();
    }

    static Map<String, Object> request(int candidate, String from, String to, Map<String, Object> baseline) {
        Map<String, Object> body = new HashMap<>(Map.of("candidateVersion", candidate, "from", from, "to", to));
        if (baseline != null) {
            body.put("baseline", baseline);
        }
        return body;
    }

    /** Waits until the run has finished; returns it. */
    static JsonPath finished(Api.TestMerchant shop, long id) {
        String path = "/merchants/" + shop.code() + "/simulations/" + id;
        String[] last = {""};
        Poll.until("simulation " + id + " finishes", Duration.ofSeconds(90), () -> {
            JsonPath run = as(shop.qa()).get(path).then().statusCode(200).extract().jsonPath();
            last[0] = run.getString("status") + " " + run.getString("error");
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(run.getString("status"));
        }, () -> last[0]);
        return as(shop.qa()).get(path).then().statusCode(200).extract().jsonPath();
    }

    /** Starts a run, waits for it, and requires it SUCCEEDED; returns its report (paths from the report's root). */
    static JsonPath report(Api.TestMerchant shop, Map<String, Object> body) {
        long id = start(shop, body);
        JsonPath run = finished(shop, id);
        Assertions.assertThat(run.getString("status")).as(run.prettify()).isEqualTo("SUCCEEDED");
        return JsonPath.from(run.prettify()).setRootPath("report");
    }

    /** The reference program with the 500-yuan threshold of the year-end campaign at {@code yuan}. */
    static RuleSet referenceWithThresholdAt(String yuan) {
        RuleFile original = ReferenceProgram.ruleFile("spend-threshold.xlsx");
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(original.content()))) {
            Sheet sheet = book.getSheetAt(0);
            boolean changed = false;
            for (Row row : sheet) {
                Cell name = row.getCell(0);
                if (name != null && name.toString().startsWith("100 bonus points for 500 yuan")) {
                    row.getCell(5).setCellValue(yuan);
                    changed = true;
                }
            }
            if (!changed) {
                throw new IllegalStateException("the 500-yuan row of spend-threshold.xlsx was not found");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return replaced(new RuleFile("spend-threshold.xlsx", out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference program with {@code from} replaced by {@code to} in one of its text files. */
    static RuleSet referenceWith(String file, String from, String to) {
        String text = ReferenceProgram.ruleFile(file).text();
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " has no `" + from + "`");
        }
        return replaced(RuleFile.text(file, text.replace(from, to)));
    }

    private static RuleSet replaced(RuleFile file) {
        List<RuleFile> files = new ArrayList<>(ReferenceProgram.ruleSet().files());
        files.removeIf(f -> f.name().equals(file.name()));
        files.add(file);
        return new RuleSet(files);
    }

    /** One rule, "earn points per yuan", at {@code points} a yuan, plus {@code extra} DRL rules. */
    static RuleSet earning(int points, String extra) {
        return new RuleSet(List.of(RuleFile.text("earning.drl", """
                package io.jifen.test;
                import io.jifen.engine.facts.*;
                global RuleActions actions;

                rule "earn points per yuan"
                    ruleflow-group "base"
                when
                    Purchase()
                then
                    actions.pointsPerUnit(%d, 1, "%d points per yuan");
                end
                %s
                """.formatted(points, points, extra))));
    }

    static int upload(Api.TestMerchant shop, RuleSet ruleSet) {
        return Api.upload(shop, ruleSet);
    }

    static void activate(Api.TestMerchant shop, int version) {
        as(shop.marketing()).body("{}").post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation")
                .then().statusCode(200);
    }
}
