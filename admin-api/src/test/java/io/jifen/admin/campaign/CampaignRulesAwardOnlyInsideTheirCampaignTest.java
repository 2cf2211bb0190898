package io.jifen.admin.campaign;

import io.jifen.admin.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.campaign.Campaigns.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Outside its window or audience, or undefined, a campaign's rules award nothing, whatever the rule says. */
@QuarkusTest
class CampaignRulesAwardOnlyInsideTheirCampaignTest {
    @Test
    void insideTheWindowTheCampaignRuleAwardsAndTheAwardNamesItsCampaign() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(null, null));

        Response posted = purchase(shop, "p-1", "ann", NOVEMBER_20, "20.00");

        posted.then().body("totalPoints", equalTo(27));
        assertThat(awards(posted)).anySatisfy(a -> {
            assertThat(a.get("rule")).isEqualTo("year-end bonus");
            assertThat(a.get("campaign")).isEqualTo("year-end");
            assertThat(a.get("points")).isEqualTo(7);
        });
    }

    @Test
    void beforeTheWindowTheCampaignRuleIsCutAndTheStatementSaysWhy() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(null, null));

        Response posted = purchase(shop, "p-1", "ann", OCTOBER_20, "20.00");

        posted.then().body("totalPoints", equalTo(20));
        assertThat(awards(posted)).anySatisfy(a -> {
            assertThat(a.get("rule")).isEqualTo("campaign: year-end");
            assertThat(a.get("points")).isEqualTo(-7);
            assertThat((String) a.get("reason")).startsWith("outside the window of campaign `year-end`");
        });
    }

    @Test
    void aMemberOutsideTheAudienceTiersEarnsOnlyWhatTheOtherRulesGive() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(null, Map.of("tiers", List.of("GOLD"))));
        enrol(shop, "gold-gu", "GOLD");
        enrol(shop, "regular-ray", null);

        purchase(shop, "p-gold", "gold-gu", NOVEMBER_20, "20.00").then().statusCode(201).body("totalPoints", equalTo(27));
        Response regular = purchase(shop, "p-regular", "regular-ray", NOVEMBER_20, "20.00");

        regular.then().body("totalPoints", equalTo(20));
        assertThat(awards(regular)).anySatisfy(a -> assertThat((String) a.get("reason"))
                .contains("is not in the audience of campaign `year-end` (tiers GOLD)"));
    }

    @Test
    void aRuleNamingACampaignTheMerchantHasNotDefinedAwardsNothing() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();

        Response posted = purchase(shop, "p-1", "ann", NOVEMBER_20, "20.00");

        posted.then().body("totalPoints", equalTo(20));
        assertThat(awards(posted)).anySatisfy(a -> assertThat((String) a.get("reason"))
                .isEqualTo("campaign `year-end` is not defined for this merchant: its rules award nothing"));
    }

    @Test
    void aCampaignIsDefinedOnceAndShowsItsStatusAndCounters() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        define(shop, yearEnd(Map.of("total", 100), null));
        purchase(shop, "p-1", "ann", NOVEMBER_20, "20.00").then().statusCode(201);

        as(shop.marketing()).body(yearEnd(null, null)).post("/merchants/" + shop.code() + "/campaigns").then()
                .statusCode(409).body("type", equalTo("https://jifen.io/problems/campaign-exists"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/campaigns/year-end").then().statusCode(200)
                .body("status", equalTo(LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                        .isBefore(LocalDateTime.parse("2027-01-01T00:00")) ? "RUNNING" : "ENDED"))
                .body("awarded", equalTo(7)).body("left", equalTo(93)).body("participants", equalTo(1));
        as(shop.integrator()).get("/merchants/" + shop.code() + "/campaigns").then().statusCode(403);
    }

    @Test
    void aCampaignWhoseWindowEndsBeforeItStartsIsRefusedNamingTheField() {
        Api.TestMerchant shop = merchantWithTheYearEndRule();
        Map<String, Object> backwards = new HashMap<>(yearEnd(null, Map.of("tiers", List.of("PLATINUM"))));
        backwards.put("endsAt", "2026-10-01T00:00");

        as(shop.marketing()).body(backwards).post("/merchants/" + shop.code() + "/campaigns").then().statusCode(422)
                .body("errors.field", hasItems("endsAt", "audience.tiers[0]"));
    }
}
