package io.jifen.admin.simulation;

import io.jifen.admin.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.jifen.admin.simulation.SimulationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact figures of replays over histories posted through the API, on the real database and engine:
 * each candidate changes exactly the transactions it should, by exactly what it should.
 */
@QuarkusTest
class SimulationFiguresTest {
    private static final String OCTOBER = "2026-10-01T00:00:00+08:00";
    private static final String DECEMBER = "2026-12-01T00:00:00+08:00";
    private static final String THRESHOLD_RULE = "100 bonus points for 500 yuan or more in the year-end campaign";

    @Inject
    EntityManager em;

    /** Four REGULAR members of the reference program, shopping in October and November 2026 (never on the 10th). */
    private static Api.TestMerchant thresholdHistory() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("pointValue", "0.01"));
        for (String m : List.of("ann", "bo", "cy", "dee")) {
            enrol(shop, m, "REGULAR");
        }
        assertThat(purchase(shop, "a1", "ann", "2026-11-05T04:00:00Z", "400.00")).isEqualTo(400);
        assertThat(purchase(shop, "a2", "ann", "2026-11-06T04:00:00Z", "650.00")).isEqualTo(750);
        assertThat(purchase(shop, "b1", "bo", "2026-11-07T04:00:00Z", "450.00")).isEqualTo(450);
        assertThat(purchase(shop, "c1", "cy", "2026-11-08T04:00:00Z", "499.99")).isEqualTo(499);
        assertThat(purchase(shop, "c0", "cy", "2026-10-15T04:00:00Z", "450.00")).isEqualTo(450); // before the campaign
        assertThat(purchase(shop, "d1", "dee", "2026-11-09T04:00:00Z", "350.00")).isEqualTo(350);
        assertThat(purchase(shop, "d2", "dee", "2026-11-11T04:00:00Z", "500.00")).isEqualTo(600);
        assertThat(purchase(shop, "d3", "dee", "2026-11-12T04:00:00Z", "1200.00")).isEqualTo(1450);
        return shop;
    }

    @Test
    void movingTheSpendThresholdFrom500To400ChangesExactlyThePurchasesFrom400To500InTheCampaignByTheBonus() {
        Api.TestMerchant shop = thresholdHistory();
        int candidate = upload(shop, referenceWithThresholdAt("400"));
        JsonPath r = report(shop, request(candidate, OCTOBER, DECEMBER, null));

        assertThat(r.getLong("transactions.purchases")).isEqualTo(8);
        assertThat(r.getLong("transactions.replayed")).isEqualTo(8);
        assertThat(r.getLong("transactions.changed")).isEqualTo(3);
        assertThat(r.getLong("transactions.failed")).isZero();
        assertThat(r.getLong("points.baseline")).isEqualTo(4949);
        assertThat(r.getLong("points.candidate")).isEqualTo(5249);
        assertThat(r.getLong("points.change")).isEqualTo(300);

        Map<String, Long> ruleChanges = changes(r, "byRule", "rule");
        assertThat(ruleChanges).containsEntry(THRESHOLD_RULE, 300L);
        assertThat(ruleChanges.entrySet().stream().filter(e -> !e.getKey().equals(THRESHOLD_RULE)))
                .allMatch(e -> e.getValue() == 0);
        Map<String, Object> threshold = r.getMap("byRule.find { it.rule == '" + THRESHOLD_RULE + "' }");
        assertThat(threshold).containsEntry("phase", "bonus").containsEntry("family", "THRESHOLD")
                .containsEntry("baselineTransactions", 2).containsEntry("candidateTransactions", 5);
        assertThat(changes(r, "byFamily", "name")).containsEntry("THRESHOLD", 300L).containsEntry("BASE", 0L);
        assertThat(changes(r, "byTier", "name")).containsOnly(Map.entry("REGULAR", 300L));

        // the daily series: every day of October and November, changing on the three days only
        List<Map<String, Object>> days = r.getList("byDay");
        assertThat(days).hasSize(61);
        assertThat(days.get(0).get("day")).isEqualTo("2026-10-01");
        assertThat(days.stream().filter(d -> ((Number) d.get("change")).longValue() != 0)
                .collect(Collectors.toMap(d -> (String) d.get("day"), d -> ((Number) d.get("change")).longValue())))
                .containsOnly(Map.entry("2026-11-05", 100L), Map.entry("2026-11-07", 100L), Map.entry("2026-11-08", 100L));
        assertThat(days.stream().mapToLong(d -> ((Number) d.get("baseline")).longValue()).sum()).isEqualTo(4949);

        assertThat(r.getLong("members.total")).isEqualTo(4);
        assertThat(r.getLong("members.gaining")).isEqualTo(3);
        assertThat(r.getLong("members.losing")).isZero();
        assertThat(r.getLong("members.equal")).isEqualTo(1);
        assertThat(r.getInt("members.histogram.find { it.from == 100 }.members")).isEqualTo(3);
        assertThat(r.getInt("members.histogram.find { it.from == 0 }.members")).isEqualTo(1);
        assertThat(r.getList("members.histogram.members", Integer.class).stream().mapToInt(i -> i).sum()).isEqualTo(4);

        // money at 0.01 CNY a point: 300 points are 3 yuan; three extra sales at 1 yuan each
        assertThat(r.getString("money.pointValue")).isEqualTo("0.01");
        assertThat(r.getString("money.baselineLiability")).isEqualTo("49.49");
        assertThat(r.getString("money.liabilityChange")).isEqualTo("3.00");
        Map<String, Object> cost = r.getMap("money.bonusRules.find { it.rule == '" + THRESHOLD_RULE + "' }");
        assertThat(cost).containsEntry("baselineSales", 2).containsEntry("candidateSales", 5).containsEntry("extraSales", 3)
                .containsEntry("extraPoints", 300).containsEntry("extraCost", "3.00").containsEntry("costPerExtraSale", "1.00");
        assertThat(cost).containsEntry("newlyQualifyingSpend", "1349.99");

        // the changed transactions, both explanations side by side
        List<Map<String, Object>> top = r.getList("topChanges");
        assertThat(top).extracting(t -> t.get("transactionId")).containsExactlyInAnyOrder("a1", "b1", "c1");
        Map<String, Object> a1 = r.getMap("topChanges.find { it.transactionId == 'a1' }");
        assertThat(a1).containsEntry("memberId", "ann").containsEntry("change", 100).containsEntry("tier", "REGULAR")
                .containsEntry("kind", "PURCHASE").containsEntry("amount", "400.00")
                .containsEntry("occurredAt", "2026-11-05T04:00:00Z");
        assertThat(r.getList("topChanges.find { it.transactionId == 'a1' }.baseline.awards.rule", String.class))
                .containsExactly("earn 1 point per yuan");
        assertThat(r.getList("topChanges.find { it.transactionId == 'a1' }.candidate.awards.rule", String.class))
                .containsExactly("earn 1 point per yuan", THRESHOLD_RULE);
        assertThat(r.getString("topChanges.find { it.transactionId == 'a1' }.candidate.awards[1].reason"))
                .isEqualTo("the purchase reached the 500 yuan threshold");
        assertThat(r.getInt("topChanges.find { it.transactionId == 'a1' }.candidate.points")).isEqualTo(500);
    }

    @Test
    void theBaselineAsPostedIsWhatTheLedgerRecordedRuleByRule() {
        Api.TestMerchant shop = thresholdHistory();
        JsonPath r = report(shop, request(1, OCTOBER, DECEMBER, null));
        @SuppressWarnings("unchecked")
        List<Object[]> entries = em.createNativeQuery("""
                        select e.rule_name, sum(e.points) from ledger_entry e
                        join loyalty_transaction t on t.id = e.transaction_id join merchant m on m.id = t.merchant_id
                        where m.code = ?1 and e.kind = 'EARN' and t.occurred_at >= ?2 and t.occurred_at < ?3
                        group by e.rule_name""")
                .setParameter(1, shop.code()).setParameter(2, Instant.parse("2026-09-30T16:00:00Z"))
                .setParameter(3, Instant.parse("2026-11-30T16:00:00Z")).getResultList();
        Map<String, Long> ledger = entries.stream().collect(Collectors.toMap(e -> (String) e[0], e -> ((Number) e[1]).longValue()));
        Map<String, Long> baseline = new HashMap<>();
        for (Map<String, Object> rule : r.<Map<String, Object>>getList("byRule")) {
            if (((Number) rule.get("baseline")).longValue() != 0) {
                baseline.put((String) rule.get("rule"), ((Number) rule.get("baseline")).longValue());
            }
        }
        assertThat(ledger).hasSize(3);
        assertThat(baseline).isEqualTo(ledger);
    }

    @Test
    void aCandidateIdenticalToTheLiveVersionReportsNoChange() {
        Api.TestMerchant shop = thresholdHistory();
        // a member day and shares beyond the daily three as well
        enrol(shop, "eve", "GOLD");
        purchase(shop, "e1", "eve", "2026-11-10T04:00:00Z", "800.00");
        for (int i = 1; i <= 5; i++) {
            event(shop, "s" + i, "eve", "SHARE", "2026-11-04T0" + i + ":00:00Z");
        }
        for (Map<String, Object> baseline : List.of(Map.<String, Object>of("kind", "POSTED"),
                Map.<String, Object>of("kind", "VERSION", "version", 1))) {
            JsonPath r = report(shop, request(1, OCTOBER, DECEMBER, baseline));
            assertThat(r.getLong("transactions.replayed")).isEqualTo(14);
            assertThat(r.getLong("transactions.events")).isEqualTo(5);
            assertThat(r.getLong("transactions.changed")).isZero();
            assertThat(r.getLong("points.baseline")).isEqualTo(r.getLong("points.candidate")).isGreaterThan(4949);
            assertThat(r.getLong("points.change")).isZero();
            assertThat(changes(r, "byRule", "rule").values()).containsOnly(0L);
            assertThat(changes(r, "byFamily", "name").values()).containsOnly(0L);
            assertThat(r.getList("byDay.change", Integer.class)).containsOnly(0);
            assertThat(r.getLong("members.equal")).isEqualTo(5);
            assertThat(r.getList("topChanges")).isEmpty();
            assertThat(r.getString("money.liabilityChange")).isEqualTo("0.00");
        }
    }

    @Test
    void doublingMemberDayChangesExactlyThePurchasesOnThe10th() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        for (String m : List.of("eve", "fay", "gus")) {
            enrol(shop, m, "REGULAR");
        }
        assertThat(purchase(shop, "e1", "eve", "2026-11-10T04:00:00Z", "200.00")).isEqualTo(400);
        assertThat(purchase(shop, "e2", "eve", "2026-11-11T04:00:00Z", "200.00")).isEqualTo(200);
        assertThat(purchase(shop, "f1", "fay", "2026-10-10T04:00:00Z", "300.00")).isEqualTo(600);
        assertThat(purchase(shop, "f2", "fay", "2026-11-10T04:00:00Z", "600.00")).isEqualTo(1300);
        assertThat(purchase(shop, "g1", "gus", "2026-11-03T04:00:00Z", "100.00")).isEqualTo(100);
        // 10 November in Shanghai, but still the 9th in UTC
        assertThat(purchase(shop, "g2", "gus", "2026-11-09T17:00:00Z", "50.00")).isEqualTo(100);
        int candidate = upload(shop, referenceWith("member-day.dslr", "by 2 as a MEMBER_DAY", "by 3 as a MEMBER_DAY"));
        for (Map<String, Object> baseline : List.of(Map.<String, Object>of("kind", "POSTED"),
                Map.<String, Object>of("kind", "VERSION", "version", 1))) {
            JsonPath r = report(shop, request(candidate, OCTOBER, DECEMBER, baseline));
            assertThat(r.getLong("transactions.changed")).isEqualTo(4);
            assertThat(r.getLong("points.change")).isEqualTo(200 + 300 + 600 + 50);
            assertThat(changes(r, "byFamily", "name")).containsEntry("MEMBER_DAY", 1150L).containsEntry("BASE", 0L)
                    .containsEntry("THRESHOLD", 0L);
            assertThat(r.getList("topChanges.transactionId", String.class)).containsExactly("f2", "f1", "e1", "g2");
            assertThat(r.getList("byDay", Map.class).stream().filter(d -> ((Number) d.get("change")).longValue() != 0)
                    .collect(Collectors.toMap(d -> (String) d.get("day"), d -> ((Number) d.get("change")).longValue())))
                    .containsOnly(Map.entry("2026-10-10", 300L), Map.entry("2026-11-10", 850L));
            assertThat(r.getString("baseline.kind")).isEqualTo(baseline.get("kind"));
        }
    }

    @Test
    void theDailyCapIsAppliedToTheCandidatesOwnTotalOfEachMemberDayInTheOrderOfPosting() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("dailyEarnCap", 1000));
        activate(shop, upload(shop, earning(1, "")));
        assertThat(purchase(shop, "p1", "m1", "2026-03-05T02:00:00Z", "400.00")).isEqualTo(400);
        assertThat(purchase(shop, "p2", "m1", "2026-03-05T03:00:00Z", "400.00")).isEqualTo(400);
        assertThat(purchase(shop, "p3", "m1", "2026-03-05T04:00:00Z", "400.00")).isEqualTo(200);
        assertThat(purchase(shop, "p4", "m1", "2026-03-06T02:00:00Z", "100.00")).isEqualTo(100);
        assertThat(purchase(shop, "q1", "m2", "2026-03-05T02:00:00Z", "300.00")).isEqualTo(300);
        // posted late: the 10:00 purchase after the 15:00 one, so the cap cut the 10:00 one
        assertThat(purchase(shop, "r1", "m3", "2026-03-05T07:00:00Z", "700.00")).isEqualTo(700);
        assertThat(purchase(shop, "r2", "m3", "2026-03-05T02:00:00Z", "600.00")).isEqualTo(300);
        int doubled = upload(shop, earning(2, ""));
        JsonPath r = report(shop, request(doubled, "2026-03-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00", null));

        Map<String, Long> change = new HashMap<>();
        for (Map<String, Object> t : r.<Map<String, Object>>getList("topChanges")) {
            change.put((String) t.get("transactionId"), ((Number) t.get("change")).longValue());
        }
        // m1 on the 5th: 800, then 200 (cut 600), then 0 (cut 800): the member-day still earns 1000
        assertThat(change).containsOnly(Map.entry("p1", 400L), Map.entry("p2", -200L), Map.entry("p3", -200L),
                Map.entry("p4", 100L), Map.entry("q1", 300L), Map.entry("r1", 300L), Map.entry("r2", -300L));
        assertThat(r.getLong("points.baseline")).isEqualTo(2400);
        assertThat(r.getLong("points.candidate")).isEqualTo(2800);
        Map<String, Object> cap = r.getMap("byRule.find { it.rule == 'policy: daily earning cap' }");
        assertThat(cap).containsEntry("family", "CAP").containsEntry("baseline", -500).containsEntry("candidate", -3000);
        assertThat(changes(r, "byRule", "rule")).containsEntry("earn points per yuan", 2900L);
        assertThat(r.getLong("members.gaining")).isEqualTo(2);
        assertThat(r.getLong("members.equal")).isEqualTo(1);
        assertThat(r.getString("money.pointValue")).isNull();
        assertThat(r.getString("money.liabilityChange")).isNull();
        Map<String, Object> p3 = r.getMap("topChanges.find { it.transactionId == 'p3' }");
        assertThat(r.getList("topChanges.find { it.transactionId == 'p3' }.candidate.awards.points", Integer.class))
                .containsExactly(800, -800);
        assertThat(p3).containsEntry("change", -200);

        // the live version replayed on the same history: exactly what was posted, late posting included
        JsonPath same = report(shop, request(1, "2026-03-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00", null));
        assertThat(same.getLong("points.change")).isZero();
        assertThat(same.getLong("transactions.changed")).isZero();
    }

    @Test
    void aShareThatEarnedNothingUnderTheDailyCountEarnsUnderACandidateThatAllowsMore() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        for (int i = 1; i <= 4; i++) {
            assertThat(event(shop, "x" + i, "hal", "SHARE", "2026-11-04T0" + i + ":00:00Z")).isEqualTo(i <= 3 ? 10 : 0);
        }
        for (int i = 1; i <= 6; i++) {
            event(shop, "y" + i, "hal", "SHARE", "2026-11-05T0" + i + ":00:00Z");
        }
        int candidate = upload(shop, referenceWith("tasks.dslr", "fewer than 3 SHARE events today",
                "fewer than 5 SHARE events today"));
        JsonPath r = report(shop, request(candidate, OCTOBER, DECEMBER, null));
        assertThat(r.getLong("transactions.events")).isEqualTo(10);
        assertThat(r.getLong("points.baseline")).isEqualTo(60);
        assertThat(r.getLong("points.change")).isEqualTo(30);
        assertThat(r.getList("topChanges.transactionId", String.class)).containsExactlyInAnyOrder("x4", "y4", "y5");
        assertThat(changes(r, "byFamily", "name")).containsOnly(Map.entry("TASK", 30L));
    }

    static Map<String, Long> changes(JsonPath r, String list, String key) {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> e : r.<Map<String, Object>>getList(list)) {
            out.put((String) e.get(key), ((Number) e.get("change")).longValue());
        }
        return out;
    }
}
