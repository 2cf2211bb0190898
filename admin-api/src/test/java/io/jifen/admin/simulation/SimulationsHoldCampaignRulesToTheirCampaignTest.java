package io.jifen.admin.simulation;

import io.jifen.admin.campaign.Campaigns;
import io.jifen.admin.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jifen.admin.simulation.SimulationFixtures.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay applies a candidate's campaign rules as a posting would: window, audience, the per-member budget;
 * the total and daily budgets are spent afterwards in the order the transactions occurred.
 */
@QuarkusTest
class SimulationsHoldCampaignRulesToTheirCampaignTest {
    @Test
    void doublingACampaignBonusChangesOnlyPurchasesInsideItsWindowAndWithinTheMembersBudget() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("pointValue", "0.01"));
        activate(shop, upload(shop, Campaigns.program(7)));
        as(shop.marketing()).body(Map.of("code", "year-end", "name", "Year-end", "startsAt", "2026-11-01T00:00",
                "endsAt", "2027-01-01T00:00", "budget", Map.of("perMember", 20)))
                .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(201);
        // ann: one purchase before the window, three inside (7 + 7 + 6: the budget of 20 trims the third)
        assertThat(purchase(shop, "a0", "ann", "2026-10-20T12:00:00+08:00", "10.00")).isEqualTo(10);
        assertThat(purchase(shop, "a1", "ann", "2026-11-02T12:00:00+08:00", "10.00")).isEqualTo(17);
        assertThat(purchase(shop, "a2", "ann", "2026-11-03T12:00:00+08:00", "10.00")).isEqualTo(17);
        assertThat(purchase(shop, "a3", "ann", "2026-11-04T12:00:00+08:00", "10.00")).isEqualTo(16);
        // bo: one purchase inside the window
        assertThat(purchase(shop, "b1", "bo", "2026-11-05T12:00:00+08:00", "10.00")).isEqualTo(17);
        int doubled = upload(shop, Campaigns.program(14));

        JsonPath r = report(shop, request(doubled, "2026-10-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00", null));

        // ann's budget of 20 is spent either way (14 + 6 + 0); only bo gains 7; October's purchase stays 10
        assertThat(r.getLong("points.baseline")).isEqualTo(77);
        assertThat(r.getLong("points.candidate")).isEqualTo(84);
        assertThat(r.getLong("points.change")).isEqualTo(7);
        assertThat(r.getInt("members.gaining")).isEqualTo(1);
        assertThat(r.getInt("members.equal")).isEqualTo(1);
    }

    @Test
    void sharedBudgetsAreSpentInTimeOrderFromWhatTheCampaignHadBeenChargedBeforeTheWindow() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("pointValue", "0.01"));
        int live = upload(shop, Campaigns.program(7));
        activate(shop, live);
        as(shop.marketing()).body(Map.of("code", "year-end", "name", "Year-end", "startsAt", "2026-11-01T00:00",
                "endsAt", "2027-01-01T00:00", "budget", Map.of("total", 30, "perDay", 20)))
                .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(201);
        assertThat(purchase(shop, "a1", "ann", "2026-11-02T12:00:00+08:00", "10.00")).isEqualTo(17);
        assertThat(purchase(shop, "b1", "bo", "2026-11-02T13:00:00+08:00", "10.00")).isEqualTo(17);
        assertThat(purchase(shop, "a2", "ann", "2026-11-03T12:00:00+08:00", "10.00")).isEqualTo(17);
        assertThat(purchase(shop, "c1", "cy", "2026-11-03T13:00:00+08:00", "10.00")).isEqualTo(17);
        assertThat(purchase(shop, "b2", "bo", "2026-11-04T12:00:00+08:00", "10.00")).as("the last 2 of 30").isEqualTo(12);
        int doubled = upload(shop, Campaigns.program(14));

        JsonPath r = report(shop, request(doubled, "2026-11-02T00:00:00+08:00", "2026-12-01T00:00:00+08:00",
                Map.of("kind", "VERSION", "version", live)));

        assertThat(r.getList("campaignBudgets")).hasSize(1);
        assertThat(r.getString("campaignBudgets[0].campaign")).isEqualTo("year-end");
        assertThat(r.getLong("campaignBudgets[0].chargedBefore")).isZero();
        // 14 each, in time order: 14, then 6 of the day's 20 (8 cut by the daily budget); 10 left in all on the 3rd
        assertThat(r.getMap("campaignBudgets[0].candidate")).containsAllEntriesOf(Map.of("charged", 70, "kept", 30,
                "cutByDay", 8, "cutByTotal", 32, "exhaustedOn", "2026-11-03", "daysCut", 1, "transactionsCut", 4));
        // the live version replayed: what posting did (the last purchase trimmed to 2)
        assertThat(r.getMap("campaignBudgets[0].baseline")).containsAllEntriesOf(Map.of("charged", 35, "kept", 30,
                "cutByTotal", 5, "cutByDay", 0, "exhaustedOn", "2026-11-04", "transactionsCut", 1));

        JsonPath later = report(shop, request(doubled, "2026-11-03T00:00:00+08:00", "2026-12-01T00:00:00+08:00", null));
        assertThat(later.getLong("campaignBudgets[0].chargedBefore")).as("the 2nd's 14 posted").isEqualTo(14);
        assertThat(later.getMap("campaignBudgets[0].candidate")).containsAllEntriesOf(Map.of("charged", 42, "kept", 16,
                "cutByTotal", 26, "exhaustedOn", "2026-11-03"));
        assertThat(later.getMap("campaignBudgets[0]")).as("posting applied the budgets to what was posted")
                .containsEntry("baseline", null);
    }

    @Test
    void aCampaignForShanghaiMembersChangesOnlyThePurchasesOfMembersWhoWereInShanghaiWhenTheyBought() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("pointValue", "0.01"));
        activate(shop, upload(shop, Campaigns.program(7)));
        as(shop.marketing()).body(Map.of("code", "year-end", "name", "Year-end", "startsAt", "2026-11-01T00:00",
                "endsAt", "2027-01-01T00:00", "audience", Map.of("attributes", Map.of("city", List.of("Shanghai")))))
                .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(201);
        living(shop, "shen", "Shanghai", 201);
        living(shop, "bai", "Beijing", 201);
        assertThat(purchase(shop, "s1", "shen", "2026-11-02T12:00:00+08:00", "10.00")).isEqualTo(17);
        assertThat(purchase(shop, "b1", "bai", "2026-11-02T12:00:00+08:00", "10.00")).isEqualTo(10);
        // bai moves to Shanghai after buying: the replay holds the purchase to the city it was posted with
        living(shop, "bai", "Shanghai", 200);
        int doubled = upload(shop, Campaigns.program(14));

        JsonPath r = report(shop, request(doubled, "2026-10-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00", null));

        assertThat(r.getLong("points.baseline")).isEqualTo(27);
        assertThat(r.getLong("points.candidate")).isEqualTo(34);
        assertThat(r.getInt("members.gaining")).isEqualTo(1);
        assertThat(r.getInt("members.equal")).isEqualTo(1);
    }

    private static void living(Api.TestMerchant shop, String member, String city, int status) {
        as(shop.integrator()).body(Map.of("attributes", Map.of("city", city)))
                .put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(status);
    }
}
