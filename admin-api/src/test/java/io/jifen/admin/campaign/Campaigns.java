package io.jifen.admin.campaign;

import io.jifen.admin.support.Api;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;

/** A merchant whose program has one rule in the year-end campaign, and the calls campaign tests make. */
public final class Campaigns {
    /** 1 point per yuan all year; {@code %d} bonus points from 10 yuan in the year-end campaign. */
    private static final String PROGRAM = """
            package jifen.campaigns;
            import io.jifen.engine.facts.*;
            global RuleActions actions;

            rule "1 point per yuan"
                ruleflow-group "base"
            when
                Purchase()
            then
                actions.pointsPerUnit(1, 1, "1 point per yuan");
            end

            rule "year-end bonus" @campaign("year-end")
                ruleflow-group "bonus"
            when
                Purchase(total >= 10)
            then
                actions.bonus(%d, "THRESHOLD", "bonus from 10 yuan in the year-end campaign");
            end
            """;

    /** Inside the campaign's window (2026-11-01 to 2027-01-01, Shanghai). */
    static final String NOVEMBER_20 = "2026-11-20T12:00:00+08:00";
    static final String OCTOBER_20 = "2026-10-20T12:00:00+08:00";

    private Campaigns() {
    }

    /** The program with the year-end campaign's bonus at {@code bonus} points. */
    public static RuleSet program(int bonus) {
        return RuleSet.of(RuleFile.text("earning.drl", PROGRAM.formatted(bonus)));
    }

    static Api.TestMerchant merchantWithTheYearEndRule() {
        Api.TestMerchant shop = Api.newMerchant();
        int version = Api.upload(shop, program(7));
        as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation")
                .then().statusCode(200);
        return shop;
    }

    /** The year-end campaign with the given budget (null: none) and audience (null: everyone). */
    static Map<String, Object> yearEnd(Map<String, Object> budget, Map<String, Object> audience) {
        Map<String, Object> body = new HashMap<>(Map.of("code", "year-end", "name", "Year-end campaign",
                "theme", "Spend more at year end", "startsAt", "2026-11-01T00:00", "endsAt", "2027-01-01T00:00"));
        if (budget != null) {
            body.put("budget", budget);
        }
        if (audience != null) {
            body.put("audience", audience);
        }
        return body;
    }

    static void define(Api.TestMerchant shop, Map<String, Object> campaign) {
        as(shop.marketing()).body(campaign).post("/merchants/" + shop.code() + "/campaigns").then().statusCode(201);
    }

    static void enrol(Api.TestMerchant shop, String member, String tier) {
        as(shop.integrator()).body(tier == null ? Map.of() : Map.of("tier", tier))
                .put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(201);
    }

    static Response purchase(Api.TestMerchant shop, String id, String member, String at, String total) {
        return as(shop.integrator()).body(Map.of("transactionId", id, "memberId", member, "occurredAt", at,
                "total", total)).post("/merchants/" + shop.code() + "/purchases");
    }

    static List<Map<String, Object>> awards(Response posted) {
        return posted.then().statusCode(201).extract().path("awards");
    }
}
