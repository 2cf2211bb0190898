package io.jifen.admin.simulation;

import io.jifen.admin.support.Api;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.simulation.SimulationFixtures.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Each statement of docs/simulation.md, "What is modelled and what is not", on a history made for it. */
@QuarkusTest
class SimulationModelTest {
    private static final String FROM = "2026-03-01T00:00:00+08:00";
    private static final String TO = "2026-04-01T00:00:00+08:00";

    @Inject
    EntityManager em;

    private static Map<String, Long> changes(JsonPath r) {
        Map<String, Long> change = new HashMap<>();
        for (Map<String, Object> t : r.<Map<String, Object>>getList("topChanges")) {
            change.put((String) t.get("transactionId"), ((Number) t.get("change")).longValue());
        }
        return change;
    }

    /** First-of-day and first-of-month bonuses, read from MemberActivity; {@code condition} narrows every rule. */
    private static String activityRules(String condition) {
        return """
                rule "earn points per yuan"
                    ruleflow-group "base"
                when
                    Purchase(%1$s)
                then
                    actions.pointsPerUnit(1, 1, "1 point per yuan");
                end

                rule "first earning of the day"
                    ruleflow-group "bonus"
                when
                    Purchase(%1$s)
                    MemberActivity(pointsEarnedToday == 0)
                then
                    actions.bonus(50, "FIRST", "nothing earned yet today");
                end

                rule "first earning of the month"
                    ruleflow-group "bonus"
                when
                    Purchase(%1$s)
                    MemberActivity(pointsEarnedThisMonth == 0)
                then
                    actions.bonus(20, "FIRST", "nothing earned yet this month");
                end
                """.formatted(condition);
    }

    private static RuleSet activityProgram(String condition) {
        return new io.jifen.engine.compile.RuleSet(List.of(io.jifen.engine.compile.RuleFile.text("earning.drl", """
                package io.jifen.test;
                import io.jifen.engine.facts.*;
                global RuleActions actions;
                """ + activityRules(condition))));
    }

    @Test
    void thePointsEarnedEarlierThatDayAndMonthAreTheCandidatesOwn() {
        Api.TestMerchant shop = Api.newMerchant();
        activate(shop, upload(shop, activityProgram("total > 0")));
        assertThat(purchase(shop, "p1", "zoe", "2026-03-03T02:00:00Z", "50.00")).isEqualTo(120);
        assertThat(purchase(shop, "p2", "zoe", "2026-03-03T04:00:00Z", "200.00")).isEqualTo(200);
        assertThat(purchase(shop, "p3", "zoe", "2026-03-04T02:00:00Z", "150.00")).isEqualTo(200);
        // the candidate gives nothing below 100 yuan: p1 earns nothing, so p2 is its first earning of the day
        // and of the month; p3 is the first of its day under both, and the month has earned under both
        int candidate = upload(shop, activityProgram("total >= 100"));
        JsonPath r = report(shop, request(candidate, FROM, TO, null));
        assertThat(changes(r)).containsOnly(Map.entry("p1", -120L), Map.entry("p2", 70L));
        assertThat(r.getLong("points.change")).isEqualTo(-50);
        assertThat(r.getList("topChanges.find { it.transactionId == 'p2' }.candidate.awards.rule", String.class))
                .containsExactly("earn points per yuan", "first earning of the day", "first earning of the month");
    }

    @Test
    void theTierIsTheOneTheTransactionWasPostedWithEvenWhenTheCandidateWouldHaveUpgradedTheMemberBefore() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        enrol(shop, "tom", "REGULAR");
        assertThat(purchase(shop, "t1", "tom", "2026-03-03T04:00:00Z", "200.00")).isEqualTo(200);
        assertThat(purchase(shop, "t2", "tom", "2026-03-04T04:00:00Z", "200.00")).isEqualTo(200);
        // under the candidate, 100 yuan makes a member SILVER (1.5 times): t1 would have upgraded tom
        int candidate = upload(shop, referenceWithTiers());
        JsonPath r = report(shop, request(candidate, FROM, TO, null));
        assertThat(r.getLong("transactions.replayed")).isEqualTo(2);
        assertThat(r.getLong("points.change")).isZero();
        assertThat(r.getList("byTier.name", String.class)).containsExactly("REGULAR");
    }

    private static RuleSet referenceWithTiers() {
        String text = ReferenceProgram.ruleFile("tier-qualification.dslr").text()
                .replace("is at least 5000 and less than 20000", "is at least 100 and less than 20000")
                .replace("is less than 5000", "is less than 100");
        List<RuleFile> files = new ArrayList<>(ReferenceProgram.ruleSet().files());
        files.removeIf(f -> f.name().equals("tier-qualification.dslr"));
        files.add(RuleFile.text("tier-qualification.dslr", text));
        return new RuleSet(files);
    }

    @Test
    void theAccountCapSeesTheBalanceAsPostedPlusTheCandidatesEarlierChangeAndSpendingIsNotReplayed() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("accountCap", 500));
        activate(shop, upload(shop, earning(1, "")));
        assertThat(purchase(shop, "a1", "amy", "2026-03-03T04:00:00Z", "300.00")).isEqualTo(300);
        as(shop.integrator()).body(Map.of("debitId", "spent", "points", 100, "reason", "a mug"))
                .post("/merchants/" + shop.code() + "/members/amy/debits").then().statusCode(201);
        assertThat(purchase(shop, "a2", "amy", "2026-03-05T04:00:00Z", "300.00")).isEqualTo(300);
        int candidate = upload(shop, earning(2, ""));
        JsonPath r = report(shop, request(candidate, FROM, TO, null));
        // a1: 600 cut to 500; a2: the posted balance before it (200, after the debit) plus a1's +200 leaves 100
        assertThat(changes(r)).containsOnly(Map.entry("a1", 200L), Map.entry("a2", -200L));
        assertThat(r.getLong("transactions.purchases")).isEqualTo(2);
        assertThat(r.getLong("transactions.events")).isZero();
        assertThat(r.getMap("byRule.find { it.rule == 'policy: account cap' }")).containsEntry("candidate", -600);
    }

    @Test
    void refundsAreNotReplayedButTheirPostedPointsCountInTheDayTotalOfTheDailyCap() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("dailyEarnCap", 1000));
        activate(shop, upload(shop, earning(1, "")));
        assertThat(purchase(shop, "r1", "rex", "2026-03-03T02:00:00Z", "800.00")).isEqualTo(800);
        as(shop.integrator()).body(Map.of("refundId", "back-1", "purchaseId", "r1", "amount", "400.00",
                        "occurredAt", "2026-03-03T03:00:00Z"))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201);
        assertThat(purchase(shop, "r2", "rex", "2026-03-03T04:00:00Z", "500.00")).isEqualTo(500);
        int candidate = upload(shop, earning(2, ""));
        JsonPath r = report(shop, request(candidate, FROM, TO, null));
        // r1 is replayed in full: 1600 cut to 1000; r2: the day holds 800 - 400 (the refund, as posted) + 200
        assertThat(changes(r)).containsOnly(Map.entry("r1", 200L), Map.entry("r2", -100L));
        assertThat(r.getLong("transactions.refunds")).isEqualTo(1);
        assertThat(r.getLong("transactions.refundedPointsAsPosted")).isEqualTo(-400);
        assertThat(r.getLong("transactions.purchases")).isEqualTo(2);
        assertThat(r.getLong("points.baseline")).isEqualTo(1300);
    }

    @Test
    void transactionsPostedBeforeTheirRequestOrContextWasKeptAreCountedAndLeftOut() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        event(shop, "old", "uma", "REVIEW", "2026-03-03T02:00:00Z");
        event(shop, "new", "uma", "REVIEW", "2026-03-03T03:00:00Z");
        // what an event posted before schema V14 looks like: no request, no context
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update loyalty_transaction t set payload = null,"
                + " context = null from merchant m where m.id = t.merchant_id and m.code = ?1 and t.external_id = 'old'")
                .setParameter(1, shop.code()).executeUpdate());
        JsonPath r = report(shop, request(1, FROM, TO, null));
        assertThat(r.getLong("transactions.events")).isEqualTo(2);
        assertThat(r.getLong("transactions.notReplayable")).isEqualTo(1);
        assertThat(r.getLong("transactions.replayed")).isEqualTo(1);
        assertThat(r.getLong("points.baseline")).isEqualTo(20);
    }

    @Test
    void theWindowIsHalfOpenAndItsDaysAreTheMerchantsLocalDays() {
        Api.TestMerchant shop = Api.newMerchant();
        activate(shop, upload(shop, earning(1, "")));
        purchase(shop, "before", "val", "2026-02-28T15:59:59Z", "10.00"); // 23:59:59 on 28 February in Shanghai
        purchase(shop, "first", "val", "2026-02-28T16:00:00Z", "20.00");  // 00:00 on 1 March
        purchase(shop, "last", "val", "2026-03-31T15:59:59Z", "30.00");   // 23:59:59 on 31 March
        purchase(shop, "after", "val", "2026-03-31T16:00:00Z", "40.00");  // 00:00 on 1 April
        JsonPath r = report(shop, request(1, FROM, TO, null));
        assertThat(r.getLong("transactions.purchases")).isEqualTo(2);
        assertThat(r.getLong("points.baseline")).isEqualTo(50);
        assertThat(r.getList("byDay.day", String.class)).hasSize(31).startsWith("2026-03-01").endsWith("2026-03-31");
        assertThat(r.getInt("byDay.find { it.day == '2026-03-01' }.baseline")).isEqualTo(20);
        assertThat(r.getInt("byDay.find { it.day == '2026-03-31' }.baseline")).isEqualTo(30);
        assertThat(r.getString("zone")).isEqualTo("Asia/Shanghai");
    }
}
