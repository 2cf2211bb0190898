package io.jifen.admin.campaign;

import io.jifen.admin.ledger.LotJobs;
import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.campaign.Campaigns.enrol;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A campaign's metrics follow the points it awarded into redemptions, cancellations and expiry, and
 * compare its sales with as many days before it (docs/campaigns.md, "Metrics").
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class CampaignMetricsFollowItsPointsAndSalesTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    LotJobs jobs;

    @Inject
    CampaignSales sales;

    @Inject
    AdjustableClock clock;

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** A merchant on the year-end rule (1 point per yuan, 7 campaign points from 10 yuan), points expiring after 12 months. */
    static Api.TestMerchant shop() {
        Api.TestMerchant shop = Api.newMerchant();
        int version = Api.upload(shop, Campaigns.program(7));
        as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation")
                .then().statusCode(200);
        return shop;
    }

    static void campaign(Api.TestMerchant shop, String startsAt, String endsAt, List<String> tiers) {
        Map<String, Object> body = new HashMap<>(Map.of("code", "year-end", "name", "Year-end campaign",
                "startsAt", startsAt, "endsAt", endsAt));
        if (tiers != null) {
            body.put("audience", Map.of("tiers", tiers));
        }
        Campaigns.define(shop, body);
    }

    static long buy(Api.TestMerchant shop, String id, String member, LocalDate day, String total) {
        return ((Number) Campaigns.purchase(shop, id, member, day.atTime(12, 0).atZone(SHANGHAI).toInstant()
                .toString(), total).then().statusCode(201).extract().path("totalPoints")).longValue();
    }

    static void debit(Api.TestMerchant shop, String id, String member, long points) {
        as(shop.integrator()).body(Map.of("debitId", id, "points", points, "reason", "voucher"))
                .post("/merchants/" + shop.code() + "/members/" + member + "/debits").then().statusCode(201);
    }

    static JsonPath metrics(Api.TestMerchant shop) {
        return as(shop.marketing()).get("/merchants/" + shop.code() + "/campaigns/year-end/metrics")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void thePointsACampaignAwardedAreFollowedIntoRedemptionsCancellationsAndExpiryAtTheirShareOfEachLot() {
        Api.TestMerchant shop = shop();
        LocalDate old = today().minusDays(360);
        LocalDate recent = today().minusDays(20);
        campaign(shop, old.minusDays(1) + "T00:00", today().plusDays(10) + "T00:00", null);
        assertThat(buy(shop, "ann-old", "ann", old, "20.00")).as("20 + 7 of the campaign").isEqualTo(27);
        assertThat(buy(shop, "cy-old", "cy", old, "20.00")).isEqualTo(27);
        assertThat(buy(shop, "bo-recent", "bo", recent, "30.00")).as("30 + 7 of the campaign").isEqualTo(37);

        debit(shop, "ann-voucher", "ann", 27);
        debit(shop, "bo-voucher", "bo", 10);
        JsonPath spent = metrics(shop);
        assertThat(spent.getLong("awardedPointsRedeemed")).as("7 of ann's lot, 10 x 7/37 = 1.89 of bo's: 8.89")
                .isEqualTo(9);
        assertThat(spent.getLong("awardedPointsExpired")).isZero();

        Instant afterOldLotsExpire = old.plusMonths(12).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        jobs.expireDue(afterOldLotsExpire);
        clock.travelTo(afterOldLotsExpire);
        try {
            as(shop.integrator()).body(Map.of("cancellationId", "ann-voucher-back", "reason", "voucher unused"))
                    .post("/merchants/" + shop.code() + "/members/ann/debits/ann-voucher/cancellation").then()
                    .statusCode(201).body("expiredMeanwhile", equalTo(27));
        } finally {
            clock.reset();
        }

        JsonPath after = metrics(shop);
        assertThat(after.getLong("awardedPointsRedeemed")).as("ann's voucher came back: only bo's 1.89").isEqualTo(2);
        assertThat(after.getLong("awardedPointsExpired")).as("cy's lot expired; ann's came back expired").isEqualTo(14);
        List<Map<String, Object>> days = after.getList("days");
        assertThat(days.stream().mapToLong(d -> ((Number) d.get("redeemed")).longValue()).sum())
                .as("the days add up to the totals").isEqualTo(2);
        assertThat(days.stream().mapToLong(d -> ((Number) d.get("expired")).longValue()).sum()).isEqualTo(14);
        assertThat(after.getLong("awarded")).isEqualTo(21);
        String csv = as(shop.marketing()).accept("text/csv")
                .get("/merchants/" + shop.code() + "/campaigns/year-end/metrics.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).startsWith("day,awarded,postings,new_participants,redeemed,expired\n")
                .contains(today() + ",0,0,0,2,14");
    }

    @Test
    void aCampaignsSalesOfItsAudienceAreComparedWithAsManyDaysJustBeforeIt() {
        Api.TestMerchant shop = shop();
        LocalDate first = today().minusDays(3);
        campaign(shop, first + "T10:00", today().plusDays(10) + "T00:00", List.of("GOLD"));
        enrol(shop, "gold-gu", "GOLD");
        enrol(shop, "gold-ge", "GOLD");
        enrol(shop, "regular-ray", null);
        buy(shop, "before-1", "gold-gu", first.minusDays(4), "100.00");
        buy(shop, "before-2", "gold-ge", first.minusDays(1), "50.00");
        buy(shop, "too-early", "gold-gu", first.minusDays(5), "999.00");
        buy(shop, "not-gold", "regular-ray", first.plusDays(1), "500.00");
        sales.rollUp(); // these from the rollup, the rest read live
        buy(shop, "during-1", "gold-gu", first, "200.00");
        as(shop.integrator()).body(Map.of("refundId", "during-1-back", "purchaseId", "during-1", "amount", "20.00"))
                .post("/merchants/" + shop.code() + "/refunds").then().statusCode(201);

        JsonPath m = metrics(shop);
        assertThat(m.getString("sales.during.from")).isEqualTo(first.toString());
        assertThat(m.getString("sales.during.to")).as("the window's whole days up to today").isEqualTo(today().plusDays(1).toString());
        assertThat(m.getString("sales.before.from")).isEqualTo(first.minusDays(4).toString());
        assertThat(m.getLong("sales.during.purchases")).isEqualTo(1);
        assertThat(m.getString("sales.during.sales")).isEqualTo("200");
        assertThat(m.getString("sales.during.refunded")).isEqualTo("20");
        assertThat(m.getString("sales.during.net")).isEqualTo("180");
        assertThat(m.getString("sales.before.net")).as("not the day too early, not the regular member")
                .isEqualTo("150");
        assertThat(m.getString("sales.growthPercent")).isEqualTo("20");

        sales.rollUp();
        assertThat(metrics(shop).getMap("sales")).as("the same once everything is rolled up").isEqualTo(m.getMap("sales"));
    }

    @Test
    void aScheduledCampaignHasNoSalesGrowthYet() {
        Api.TestMerchant shop = shop();
        campaign(shop, today().plusDays(5) + "T00:00", today().plusDays(10) + "T00:00", null);
        buy(shop, "yesterday", "ann", today().minusDays(1), "80.00");
        JsonPath m = metrics(shop);
        assertThat(m.getString("sales.growthPercent")).isNull();
        assertThat(m.getLong("sales.during.purchases")).isZero();
        assertThat(m.getString("sales.before.net")).isEqualTo("0");
    }
}
