package io.jifen.admin.seeding;

import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.examples.ExampleMerchant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * The README's run command seeds the three example merchants of examples/ — Fresh Harbour, Lumen Lane and
 * Bright Path Academy — on a fresh schema: settings, keys, suites stored, the rules active through the
 * suite gate, the mall's items and the campaigns; their stored suites pass on their live versions through
 * the API, a purchase or an event gives each one the points docs/examples.md and the README promise, and a
 * second start seeds nothing.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestProfile(ExampleMerchantSeedingTest.SeedingOn.class)
class ExampleMerchantSeedingTest {

    public static class SeedingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jifen.seed-example", "true");
        }
    }

    @Inject
    ExampleMerchantSeeder seeder;

    @Inject
    AdjustableClock clock;

    @Test
    void freshHarbourIsSeededWithItsSettingsKeysAndTheReferenceProgramActive() {
        asAdmin().get("/merchants/fresh-harbour").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("pointsPolicy.expiry.rule", equalTo("ROLLING_MONTHS"))
                .body("pointsPolicy.expiry.months", equalTo(12))
                .body("pointsPolicy.pendingDays", equalTo(7))
                .body("pointsPolicy.transfers.enabled", equalTo(true))
                .body("pointsPolicy.balanceThresholds", contains(1000, 5000))
                .body("pointsPolicy.pointValue", equalTo("0.01"));
        asAdmin().get("/merchants/fresh-harbour/api-keys").then().statusCode(200)
                .body("items.role", hasItems("MARKETING", "INTEGRATOR", "QA"));
        asAdmin().get("/merchants/fresh-harbour/audit").then().statusCode(200)
                .body("items.action", hasItem("rule-version.activated"));
    }

    @Test
    void everyExampleMerchantsStoredSuitesPassOnItsLiveVersion() {
        for (ExampleMerchant example : ExampleMerchant.all()) {
            String code = example.code();
            String qa = key(code, "QA");
            int live = as(qa).get("/merchants/" + code + "/rule-versions/active").then().statusCode(200)
                    .body("description", equalTo(example.programName())).extract().path("number");
            List<String> stored = as(qa).get("/merchants/" + code + "/suites").then().statusCode(200)
                    .extract().path("items.name");
            assertThat(stored).as(code + " stored suites")
                    .containsExactlyInAnyOrderElementsOf(example.suiteTexts().stream().map(ExampleMerchant.SuiteText::name).toList());
            JsonPath run = as(qa).post("/merchants/" + code + "/rule-versions/" + live + "/stored-suite-runs")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(run.getInt("suites")).as(code).isEqualTo(example.suiteTexts().size());
            assertThat(run.getInt("scenarios")).as(code).isGreaterThanOrEqualTo(20);
            assertThat(run.getLong("failed")).as(code + ": " + run.prettify()).isZero();
            asAdmin().get("/merchants/" + code + "/audit?limit=500").then().statusCode(200)
                    .body("items.action", hasItems("rule-version.activated", "suite.created", "mall.item.created",
                            "campaign.created"));
        }
    }

    @Test
    void freshHarbourEarnsTheReadmePurchasesPointsAndHasItsMallAndCampaign() {
        String integrator = key("fresh-harbour", "INTEGRATOR");
        as(integrator).body(Map.of("transactionId", "readme-order-1001", "memberId", "lin-mei",
                        "occurredAt", "2026-11-10T03:00:00Z", "total", "520.00",
                        "lines", List.of(Map.of("sku", "OIL-5L", "category", "grocery", "quantity", 4, "unitPrice", "130.00"))))
                .post("/merchants/fresh-harbour/purchases").then().statusCode(201)
                .body("totalPoints", equalTo(1140));
        as(integrator).get("/merchants/fresh-harbour/mall/items").then().statusCode(200)
                .body("items.sku", containsInAnyOrder("BLENDER", "CAR-WASH", "COUPON-5", "THERMOS"));
        as(key("fresh-harbour", "QA")).get("/merchants/fresh-harbour/campaigns").then().statusCode(200)
                .body("items.code", contains("year-end"));
    }

    @Test
    void lumenLaneEarnsByCategoryPricesItsMallPerTierAndDrawsTheLotteryForOneHundredPoints() {
        String code = "lumen-lane";
        asAdmin().get("/merchants/" + code).then().statusCode(200)
                .body("timeZone", equalTo("Asia/Singapore")).body("currency", equalTo("SGD"))
                .body("pointsPolicy.rounding", equalTo("HALF_UP")).body("pointsPolicy.stacking", equalTo("COMPOUND"))
                .body("pointsPolicy.tiers.order", contains("MEMBER", "PLUS", "PREMIER"));
        String integrator = key(code, "INTEGRATOR");
        // the README's purchase: eligible 159.00 earns 159, fashion +120, electronics -49.50 rounded half up to -50
        as(integrator).body(Map.of("transactionId", "ll-1001", "memberId", "ana-tan", "occurredAt", "2026-10-05T12:00:00Z",
                        "total", "164.50", "lines", List.of(
                                Map.of("sku", "DRESS-LINEN", "category", "fashion", "quantity", 1, "unitPrice", "60.00"),
                                Map.of("sku", "CHARGER-65W", "category", "electronics", "quantity", 1, "unitPrice", "99.00"),
                                Map.of("sku", "DELIVERY", "category", "shipping", "quantity", 1, "unitPrice", "5.50"))))
                .post("/merchants/" + code + "/purchases").then().statusCode(201)
                .body("totalPoints", equalTo(229));
        as(key(code, "QA")).get("/merchants/" + code + "/campaigns/double-12").then().statusCode(200)
                .body("items", containsInAnyOrder("LAMP-AURORA", "SPEAKER-MINI", "DIFFUSER-CALM"));

        as(integrator).body(Map.of("tier", "PREMIER")).put("/merchants/" + code + "/members/wei-ling").then().statusCode(201);
        as(integrator).body(Map.of("adjustmentId", "welcome-wei-ling", "points", 500, "reason", "welcome gift"))
                .post("/merchants/" + code + "/members/wei-ling/adjustments").then().statusCode(201);
        // priced after the Double 12 sale (and after the seeding's activation), whatever day the test runs
        clock.travelTo(latest(clock.instant(), Instant.parse("2026-12-12T16:00:00Z")));
        try {
            JsonPath quote = as(integrator).get("/merchants/" + code + "/members/wei-ling/mall/items/LAMP-AURORA/quote")
                    .then().statusCode(200).body("listPoints", equalTo(4000)).body("pointsPrice", equalTo(4000))
                    .body("options[0].points", equalTo(2000)).extract().jsonPath();
            assertThat(new BigDecimal(quote.getString("options[0].cash"))).as("the offer's cash part")
                    .isEqualByComparingTo("25.00");
            as(integrator).body(Map.of("redemptionId", "draw-1", "sku", "LUCKY-DRAW", "expectedPoints", 100))
                    .post("/merchants/" + code + "/members/wei-ling/redemptions").then().statusCode(201)
                    .body("status", equalTo("DRAWN")).body("points", equalTo(100)).body("balance", equalTo(400));
        } finally {
            clock.reset();
        }
        as(key(code, "MARKETING")).get("/merchants/" + code + "/mall/items/LUCKY-DRAW/draws").then().statusCode(200)
                .body("items.memberId", contains("wei-ling"));
    }

    @Test
    void brightPathGivesLessonHomeworkInviteShareAndStreakPointsAndEarnsOnCourses() {
        String code = "bright-path";
        asAdmin().get("/merchants/" + code).then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai")).body("pointsPolicy.rounding", equalTo("HALF_EVEN"))
                .body("pointsPolicy.pointValue", equalTo("0.02"));
        String integrator = key(code, "INTEGRATOR");
        assertThat(event(integrator, "bp-1", "LESSON_COMPLETED", "2026-10-11T23:30:00Z", Map.of("streakDays", "7")))
                .as("the day's first lesson of a 7-day streak: 5 + 20").isEqualTo(25);
        assertThat(event(integrator, "bp-2", "LESSON_COMPLETED", "2026-10-12T12:00:00Z", Map.of("streakDays", "7")))
                .as("a second lesson the same day").isEqualTo(5);
        assertThat(event(integrator, "bp-3", "HOMEWORK_DONE", "2026-10-12T13:00:00Z", Map.of())).isEqualTo(10);
        assertThat(event(integrator, "bp-4", "INVITE", "2026-10-12T13:05:00Z", Map.of("invitee", "wang-lei")))
                .isEqualTo(50);
        List<Integer> shares = List.of(
                event(integrator, "bp-5", "SHARE", "2026-10-12T00:00:00Z", Map.of()),
                event(integrator, "bp-6", "SHARE", "2026-10-12T04:00:00Z", Map.of()),
                event(integrator, "bp-7", "SHARE", "2026-10-12T10:00:00Z", Map.of()),
                event(integrator, "bp-8", "SHARE", "2026-10-12T15:59:00Z", Map.of()),
                event(integrator, "bp-9", "SHARE", "2026-10-12T16:00:00Z", Map.of()));
        assertThat(shares).as("three shares a Shanghai day earn, the fourth does not, the next day's does")
                .containsExactly(10, 10, 10, 0, 10);
        as(integrator).body(Map.of("transactionId", "bp-order-1", "memberId", "xiao-ming", "occurredAt", "2026-10-12T12:00:00Z",
                        "total", "1999.00", "lines", List.of(Map.of("sku", "IELTS-LIVE-12", "category", "live-class",
                                "quantity", 1, "unitPrice", "1999.00"))))
                .post("/merchants/" + code + "/purchases").then().statusCode(201)
                .body("totalPoints", equalTo(3998));
        as(integrator).get("/merchants/" + code + "/mall/items").then().statusCode(200)
                .body("items.sku", hasItems("VOUCHER-50", "TUTOR-1ON1"));
        as(key(code, "QA")).get("/merchants/" + code + "/campaigns/winter-challenge").then().statusCode(200)
                .body("budget.whenExhausted", equalTo("REFUSE"));
    }

    @Test
    void aSecondStartSeedsNothingAndLeavesEveryMerchantAsItWas() {
        Map<String, Integer> keys = new HashMap<>();
        for (ExampleMerchant example : ExampleMerchant.all()) {
            keys.put(example.code(), keyCount(example.code()));
        }
        assertThat(seeder.seedAll()).as("merchants seeded again").isEmpty();
        for (ExampleMerchant example : ExampleMerchant.all()) {
            String code = example.code();
            assertThat(keyCount(code)).as(code + " keys").isEqualTo(keys.get(code));
            List<Integer> versions = as(key(code, "QA")).get("/merchants/" + code + "/rule-versions").then().statusCode(200)
                    .extract().path("items.number");
            assertThat(versions).as(code + " versions").containsExactly(1);
        }
    }

    private static int event(String integrator, String id, String type, String at, Map<String, String> attributes) {
        return as(integrator).body(Map.of("transactionId", id, "memberId", "xiao-ming", "type", type, "occurredAt", at,
                        "attributes", attributes))
                .post("/merchants/bright-path/events").then().statusCode(201).extract().path("totalPoints");
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static int keyCount(String code) {
        return asAdmin().get("/merchants/" + code + "/api-keys?limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    /** A fresh key of the role for the seeded merchant: the seeded ones were printed once and are not readable. */
    private static String key(String code, String role) {
        return asAdmin().body(Map.of("role", role, "label", role.toLowerCase() + " for the seeding test"))
                .post("/merchants/" + code + "/api-keys").then().statusCode(201).extract().path("secret");
    }
}
