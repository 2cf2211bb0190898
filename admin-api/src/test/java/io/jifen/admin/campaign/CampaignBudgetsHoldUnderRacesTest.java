package io.jifen.admin.campaign;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.AtOnce;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jifen.admin.campaign.Campaigns.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Budgets are checked inside the posting's transaction: however many postings race for what is left, a
 * campaign awards exactly its budget, the last award is trimmed to the remainder, and the ledger holds.
 */
@QuarkusTest
class CampaignBudgetsHoldUnderRacesTest {
    @Test
    void twoHundredConcurrentPostingsAgainstABudgetOfOneThousandAwardExactlyOneThousand() throws Exception {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("total", 1000), null));

        // 200 members, one purchase each: 7 campaign points asked for 200 times (1,400) against 1,000
        List<Response> answers = AtOnce.calls(200, i -> purchase(shop, "race-" + i, "racer-" + i, NOVEMBER_20, "10.00"));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        long campaignPoints = answers.stream().mapToLong(CampaignBudgetsHoldUnderRacesTest::campaignPoints).sum();
        assertThat(campaignPoints).isEqualTo(1000);
        assertThat(answers.stream().mapToLong(r -> r.jsonPath().getLong("totalPoints")).sum()).isEqualTo(200 * 10 + 1000);
        // 142 full awards of 7, one trimmed to the 6 left, the rest cut whole with the reason
        assertThat(answers.stream().filter(r -> campaignPoints(r) == 6)).hasSize(1);
        assertThat(answers.stream().filter(r -> campaignPoints(r) == 0)).allSatisfy(r -> assertThat(awards(r))
                .anySatisfy(a -> assertThat((String) a.get("reason")).startsWith("campaign budget exhausted: 0 of the 7"
                        + " points left in its total budget of 1000")));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end").then()
                .body("awarded", equalTo(1000)).body("left", equalTo(0)).body("participants", equalTo(143))
                .body("status", equalTo("EXHAUSTED"));
        assertThat(LedgerInvariants.scalar("select coalesce(sum(a.points), 0) from campaign_award a join campaign c"
                + " on c.id = a.campaign_id join merchant m on m.id = c.merchant_id where m.code = '" + shop.code() + "'"))
                .isEqualTo(1000);
        assertThat(events(shop, "campaign.budget-warning")).isEqualTo(1);
        assertThat(events(shop, "campaign.budget-exhausted")).isEqualTo(1);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void oneMemberFiftyPostingsAtOnceGetsExactlyTheBudgetPerMember() throws Exception {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("perMember", 100), null));
        enrol(shop, "eager-ed", null);

        List<Response> answers = AtOnce.calls(50, i -> purchase(shop, "eager-" + i, "eager-ed", NOVEMBER_20, "10.00"));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(answers.stream().mapToLong(CampaignBudgetsHoldUnderRacesTest::campaignPoints).sum()).isEqualTo(100);
        purchase(shop, "other-1", "other-olga", NOVEMBER_20, "10.00").then().body("totalPoints", equalTo(17));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aDailyBudgetIsSpentPerMerchantLocalDayAndTheNextDayHasItsOwn() throws Exception {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("perDay", 50), null));

        List<Response> first = AtOnce.calls(20, i -> purchase(shop, "d1-" + i, "day-" + i, NOVEMBER_20, "10.00"));
        List<Response> second = AtOnce.calls(20, i -> purchase(shop, "d2-" + i, "day-" + i, "2026-11-21T09:00:00+08:00",
                "10.00"));

        assertThat(first.stream().mapToLong(CampaignBudgetsHoldUnderRacesTest::campaignPoints).sum()).isEqualTo(50);
        assertThat(second.stream().mapToLong(CampaignBudgetsHoldUnderRacesTest::campaignPoints).sum()).isEqualTo(50);
        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end/metrics").then()
                .body("days.awarded", equalTo(List.of(50, 50))).body("days.day", equalTo(List.of("2026-11-20", "2026-11-21")))
                .body("awarded", equalTo(100));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aCampaignThatRefusesPartialAwardsGivesTheLastOneNothing() throws Exception {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("total", 20, "whenExhausted", "REFUSE"), null));

        List<Response> answers = AtOnce.calls(5, i -> purchase(shop, "r-" + i, "refused-" + i, NOVEMBER_20, "10.00"));

        assertThat(answers.stream().map(CampaignBudgetsHoldUnderRacesTest::campaignPoints).sorted().toList())
                .containsExactly(0L, 0L, 0L, 7L, 7L);
        as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().body("awarded", equalTo(14));
    }

    /** The campaign's net points in one answer: its rule's award less any cut made for it. */
    private static long campaignPoints(Response r) {
        return awards(r).stream().filter(a -> "year-end".equals(a.get("campaign")))
                .mapToLong(a -> ((Number) a.get("points")).longValue()).sum();
    }

    private static long events(Api.TestMerchant shop, String type) {
        return LedgerInvariants.scalar("select count(*) from outbox_event e join merchant m on m.id = e.merchant_id"
                + " where m.code = '" + shop.code() + "' and e.type = '" + type + "'");
    }
}
