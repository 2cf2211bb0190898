package io.jifen.admin.redemption;

import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.redemption.Mall.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class MallRedemptionTest {
    @Inject
    AdjustableClock clock;

    /** A day no campaign discount of the reference program touches (not 11-13 November, not after 15 December). */
    static final Instant QUIET_DAY = Instant.parse("2027-03-05T02:00:00Z");

    @BeforeEach
    void onAQuietDay() {
        clock.travelTo(QUIET_DAY);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void aVirtualItemIssuesAPooledCodeOnceAndItsCancellationVoidsTheCodeAndGivesPointsAndStockBack() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "VIDEO-MONTH", "VIRTUAL", 800, Map.of("stock", 5));
        as(shop.marketing()).contentType("text/csv").body("code\nVID-AAA\nVID-BBB\nVID-AAA\n")
                .post("/merchants/" + shop.code() + "/mall/items/VIDEO-MONTH/codes").then().statusCode(201)
                .body("added", equalTo(2)).body("duplicates", equalTo(0)).body("available", equalTo(2));
        member(shop, "ann", null, 2000);

        redeem(shop, "ann", "r-1", "VIDEO-MONTH").statusCode(201)
                .body("status", equalTo("ISSUED")).body("code", equalTo("VID-AAA")).body("points", equalTo(800))
                .body("balance", equalTo(1200)).body("ruleVersion", equalTo(1));
        itemView(shop, "VIDEO-MONTH").body("stock", equalTo(4)).body("codesAvailable", equalTo(1));

        cancel(shop, "r-1", "c-1").statusCode(201).body("status", equalTo("CANCELLED")).body("codeVoided", equalTo(true))
                .body("pointsRestored", equalTo(800)).body("balance", equalTo(2000));
        cancel(shop, "r-1", "c-1").statusCode(200).header("Idempotent-Replayed", "true");
        cancel(shop, "r-1", "c-2").statusCode(409).body("type", endsWith("/already-cancelled"));
        itemView(shop, "VIDEO-MONTH").body("stock", equalTo(5)).body("codesAvailable", equalTo(1));

        // the voided code is never issued again: the next order gets the other one, then the pool is empty
        redeem(shop, "ann", "r-2", "VIDEO-MONTH").statusCode(201).body("code", equalTo("VID-BBB"));
        redeem(shop, "ann", "r-3", "VIDEO-MONTH").statusCode(409).body("type", endsWith("/out-of-codes"));
        assertThat(balance(shop, "ann")).isEqualTo(1200);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aRedemptionDuringDouble11GivesDoublePointsBackAndItsCancellationTakesThemBack() {
        clock.travelTo(Instant.parse("2026-11-12T04:00:00Z")); // noon in Shanghai, inside the Double 11 sale
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "KETTLE", "SERVICE", 1000, Map.of("stock", 3));
        member(shop, "dan", null, 2000);

        as(shop.qa()).get("/merchants/" + shop.code() + "/members/dan/mall/items/KETTLE/quote").then().statusCode(200)
                .body("pointsPrice", equalTo(800)).body("pointsBack", equalTo(80))
                .body("pointsBackRules[0].family", equalTo("DOUBLE_POINTS_BACK"));
        redeem(shop, "dan", "r-back", "KETTLE").statusCode(201)
                .body("points", equalTo(800)).body("pointsBack", equalTo(80)).body("balance", equalTo(1280));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/dan/statement").then()
                .body("items.find { it.family == 'DOUBLE_POINTS_BACK' }.points", equalTo(80))
                .body("items.find { it.family == 'DOUBLE_POINTS_BACK' }.rule", equalTo("Double 11: double points back on redemptions"));

        cancel(shop, "r-back", "c-back").statusCode(201)
                .body("pointsRestored", equalTo(800)).body("pointsBackReversed", equalTo(80)).body("balance", equalTo(2000));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aCashPartThatMovedSinceTheQuoteIsRefusedLikeAMovedPointsPrice() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "GRILL", "PHYSICAL", 1000, Map.of("stock", 3, "cashPrice", "50.00"));
        member(shop, "eva", null, 5000);
        redeem(shop, "eva", "r-cash", "GRILL", Map.of("shippingAddress", ADDRESS, "expectedPoints", 1000,
                "expectedCash", "20.00")).statusCode(409).body("type", endsWith("/price-changed"))
                .body("detail", containsString("50"));
        assertThat(balance(shop, "eva")).as("nothing was taken").isEqualTo(5000);
    }

    @Test
    void aPhysicalItemNeedsAnAddressIsShippedDeliveredAndReturnedWithItsPointsBack() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "THERMOS", "PHYSICAL", 1000, Map.of("stock", 3));
        member(shop, "bo", null, 1500);

        redeem(shop, "bo", "r-10", "THERMOS").statusCode(422).body("errors[0].field", equalTo("shippingAddress"));
        redeem(shop, "bo", "r-10", "THERMOS", Map.of("shippingAddress", ADDRESS)).statusCode(201)
                .body("status", equalTo("PENDING_SHIPMENT")).body("shippingAddress.city", equalTo("Shanghai"))
                .body("code", nullValue()).body("balance", equalTo(500));

        String orders = "/merchants/" + shop.code() + "/redemptions/r-10";
        as(shop.integrator()).post(orders + "/delivery").then().statusCode(409).body("type", endsWith("/invalid-status"));
        as(shop.integrator()).body(Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"))
                .post(orders + "/shipment").then().statusCode(200)
                .body("status", equalTo("SHIPPED")).body("carrier", equalTo("SF Express"))
                .body("trackingNumber", equalTo("SF1234567890")).body("shippedAt", notNullValue());
        as(shop.integrator()).post(orders + "/delivery").then().statusCode(200).body("status", equalTo("DELIVERED"));
        as(shop.integrator()).post(orders + "/delivery").then().statusCode(200).body("status", equalTo("DELIVERED"));

        cancel(shop, "r-10", "ret-10").statusCode(201).body("status", equalTo("RETURNED"))
                .body("pointsRestored", equalTo(1000)).body("balance", equalTo(1500));
        itemView(shop, "THERMOS").body("stock", equalTo(3));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo/redemptions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("RETURNED"))
                .body("items[0].deliveredAt", notNullValue()).body("items[0].cancellationId", equalTo("ret-10"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo/statement").then()
                .body("items[0].kind", equalTo("RESTORE")).body("items[0].transactionKind", equalTo("REDEMPTION_CANCEL"))
                .body("items[1].kind", equalTo("DEBIT")).body("items[1].transactionKind", equalTo("REDEMPTION"));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aServiceGetsABookingCodeAndAGeneratedCouponItsOwnCodeAtOnce() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "CAR-WASH", "SERVICE", 300, Map.of());
        createItem(shop, "COUPON-5", "COUPON", 250, Map.of("codeSource", "GENERATED", "attributes", Map.of("faceValue", "5")));
        member(shop, "cy", null, 1000);

        String booking = redeem(shop, "cy", "r-20", "CAR-WASH").statusCode(201).body("status", equalTo("ISSUED"))
                .extract().path("code");
        assertThat(booking).startsWith("BK-").hasSize(3 + 14);
        // the reference rules price a 5-yuan coupon at 200 points, whatever its catalog price
        String coupon = redeem(shop, "cy", "r-21", "COUPON-5").statusCode(201).body("points", equalTo(200))
                .body("balance", equalTo(500)).extract().path("code");
        String second = redeem(shop, "cy", "r-22", "COUPON-5").statusCode(201).extract().path("code");
        assertThat(coupon).isNotEqualTo(second);
    }

    @Test
    void replaysOfOneIdempotencyKeyReturnTheSameOrderAndAnotherPayloadUnderItIsRefused() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "MUG", "PHYSICAL", 100, Map.of("stock", 10));
        createItem(shop, "CUP", "PHYSICAL", 100, Map.of("stock", 10));
        member(shop, "di", null, 1000);

        String first = redeem(shop, "di", "r-30", "MUG", Map.of("shippingAddress", ADDRESS)).statusCode(201)
                .extract().asString();
        String again = redeem(shop, "di", "r-30", "MUG", Map.of("shippingAddress", ADDRESS)).statusCode(200)
                .header("Idempotent-Replayed", "true").extract().asString();
        assertThat(again).isEqualTo(first);
        redeem(shop, "di", "r-30", "CUP", Map.of("shippingAddress", ADDRESS)).statusCode(409)
                .body("type", endsWith("/transaction-id-reused"));
        assertThat(balance(shop, "di")).isEqualTo(900);
        itemView(shop, "MUG").body("stock", equalTo(9));
    }

    @Test
    void aRedemptionIsRefusedWithAClearReasonForEachRuleItBreaks() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        Instant now = clock.instant();
        createItem(shop, "GOLD-LOUNGE", "SERVICE", 100, Map.of("tiersAllowed", List.of("GOLD")));
        createItem(shop, "LATER", "SERVICE", 100, Map.of("availableFrom", now.plus(Duration.ofDays(3)).toString()));
        createItem(shop, "ONCE", "SERVICE", 100, Map.of("perMemberLimit", 1));
        createItem(shop, "OFF", "SERVICE", 100, Map.of("active", false));
        createItem(shop, "PRICEY", "SERVICE", 5000, Map.of());
        createItem(shop, "SOLD-OUT", "SERVICE", 100, Map.of("stock", 0));
        member(shop, "eve", "SILVER", 1000);

        redeem(shop, "eve", "r-40", "GOLD-LOUNGE").statusCode(409).body("type", endsWith("/item-not-available"))
                .body("detail", containsString("GOLD"));
        redeem(shop, "eve", "r-41", "LATER").statusCode(409).body("type", endsWith("/item-not-available"));
        redeem(shop, "eve", "r-42", "OFF").statusCode(409).body("type", endsWith("/item-not-available"));
        redeem(shop, "eve", "r-43", "PRICEY").statusCode(409).body("type", endsWith("/insufficient-points"));
        redeem(shop, "eve", "r-44", "SOLD-OUT").statusCode(409).body("type", endsWith("/out-of-stock"));
        redeem(shop, "eve", "r-45", "NOPE").statusCode(404);
        redeem(shop, "nobody", "r-46", "ONCE").statusCode(404);
        redeem(shop, "eve", "r-47", "ONCE", Map.of("expectedPoints", 100)).statusCode(409)
                .body("type", endsWith("/price-changed")).body("detail", containsString("95"));
        redeem(shop, "eve", "r-48", "ONCE", Map.of("expectedPoints", 95)).statusCode(201).body("points", equalTo(95));
        redeem(shop, "eve", "r-49", "ONCE").statusCode(409).body("type", endsWith("/limit-reached"));
        redeem(shop, "eve", "r-50", "PRICEY", Map.of("paymentOption", 1)).statusCode(422)
                .body("errors[0].field", equalTo("paymentOption"));

        as(shop.integrator()).body(Map.of("reason", "suspicious activity"))
                .post("/merchants/" + shop.code() + "/members/eve/freeze").then().statusCode(204);
        redeem(shop, "eve", "r-51", "PRICEY").statusCode(409).body("type", endsWith("/member-frozen"));
        clock.advance(Duration.ofDays(4));
        as(shop.integrator()).body(Map.of("reason", "cleared"))
                .post("/merchants/" + shop.code() + "/members/eve/unfreeze").then().statusCode(204);
        redeem(shop, "eve", "r-52", "LATER").statusCode(201);
        assertThat(balance(shop, "eve")).isEqualTo(1000 - 95 - 95);
    }

    @Test
    void theMemberSeesOnlyItemsOpenToTheirTierNowAndInStockAtTheirOwnPrice() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        Instant now = clock.instant();
        createItem(shop, "A-KETTLE", "PHYSICAL", 1000, Map.of("stock", 2, "cashPrice", "20.00"));
        createItem(shop, "B-GOLD-ONLY", "SERVICE", 500, Map.of("tiersAllowed", List.of("GOLD")));
        createItem(shop, "C-SILVER-GOLD", "SERVICE", 500, Map.of("tiersAllowed", List.of("SILVER", "GOLD"),
                "perMemberLimit", 2));
        createItem(shop, "D-EXPIRED", "SERVICE", 500, Map.of("availableUntil", now.minus(Duration.ofDays(1)).toString()));
        createItem(shop, "E-SOLD-OUT", "SERVICE", 500, Map.of("stock", 0));
        createItem(shop, "F-INACTIVE", "SERVICE", 500, Map.of("active", false));
        member(shop, "fay", "SILVER", 600);

        as(shop.integrator()).get("/merchants/" + shop.code() + "/members/fay/mall/items").then().statusCode(200)
                .body("items.sku", contains("A-KETTLE", "C-SILVER-GOLD"))
                .body("items[0].pointsPrice", equalTo(950)).body("items[0].affordable", equalTo(false))
                .body("items[0].cashPart", equalTo("20")).body("items[0].options[0].points", equalTo(500))
                .body("items[0].discounts[0].family", equalTo("TIER_DISCOUNT"))
                .body("items[1].pointsPrice", equalTo(475)).body("items[1].affordable", equalTo(true))
                .body("items[1].remainingForMember", equalTo(2));

        as(shop.qa()).get("/merchants/" + shop.code() + "/members/fay/mall/items/B-GOLD-ONLY/quote").then()
                .statusCode(200).body("pointsPrice", equalTo(475)).body("redeemable", equalTo(false))
                .body("notRedeemable[0]", containsString("GOLD"));
    }

    @Test
    void pointsOfACancelledRedemptionGoBackWithTheirExpiryAndThoseExpiredMeanwhileStayExpired() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "TOWELS", "PHYSICAL", 300, Map.of());
        member(shop, "gus", null, 300);
        redeem(shop, "gus", "r-60", "TOWELS", Map.of("shippingAddress", ADDRESS)).statusCode(201).body("balance", equalTo(0));

        clock.advance(Duration.ofDays(400)); // the seeded lot (12 months) has expired meanwhile

        cancel(shop, "r-60", "c-60").statusCode(201).body("status", equalTo("CANCELLED"))
                .body("pointsRestored", equalTo(0)).body("expiredMeanwhile", equalTo(300)).body("balance", equalTo(0));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void pointsPlusCashPaysTheOptionTheRulesOfferAndRecordsTheCash() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "BLENDER", "PHYSICAL", 1000, Map.of("cashPrice", "20.00"));
        member(shop, "hu", null, 700);
        redeem(shop, "hu", "r-70", "BLENDER", Map.of("shippingAddress", ADDRESS)).statusCode(409)
                .body("type", endsWith("/insufficient-points"));
        redeem(shop, "hu", "r-71", "BLENDER", Map.of("shippingAddress", ADDRESS, "paymentOption", 1,
                "expectedPoints", 500)).statusCode(201)
                .body("points", equalTo(500)).body("cash", equalTo("20")).body("paymentOption", equalTo(1))
                .body("balance", equalTo(200));
    }

    @Test
    void aLotteryDrawCostsTheItemsPriceIsRecordedForAuditAndIsFinal() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "LUCKY-DRAW", "LOTTERY", 100, Map.of("prizes", List.of(
                Map.of("name", "rice cooker", "probability", "1", "stock", 2))));
        member(shop, "ivy", null, 1000);

        for (int i = 0; i < 3; i++) {
            redeem(shop, "ivy", "draw-" + i, "LUCKY-DRAW").statusCode(201).body("status", equalTo("DRAWN"))
                    .body("points", equalTo(100)).body("draw.outcome", equalTo(i < 2 ? "WON" : "OUT_OF_STOCK"));
        }
        cancel(shop, "draw-0", "c-draw").statusCode(409).body("type", endsWith("/not-cancellable"));
        assertThat(balance(shop, "ivy")).isEqualTo(700);

        var draws = as(shop.qa()).get("/merchants/" + shop.code() + "/mall/items/LUCKY-DRAW/draws").then().statusCode(200)
                .body("items", hasSize(3)).body("items[0].redemptionId", equalTo("draw-2"))
                .body("items[0].odds[0].from", equalTo(0)).body("items[0].odds[0].to", equalTo(1_000_000))
                .body("items[2].prizeStockAfter", equalTo(1)).body("items[1].prizeStockAfter", equalTo(0))
                .extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            int value = draws.getInt("items[" + i + "].randomValue");
            assertThat(value).isBetween(0, 999_999);
        }
    }

    @Test
    void aLotteryDrawWithHalfAChanceWinsAboutHalfTheTime() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "COIN-FLIP", "LOTTERY", 1, Map.of("prizes", List.of(
                Map.of("name", "sticker", "probability", "0.5"))));
        member(shop, "jo", null, 200);
        for (int i = 0; i < 200; i++) {
            redeem(shop, "jo", "flip-" + i, "COIN-FLIP").statusCode(201);
        }
        var draws = as(shop.qa()).get("/merchants/" + shop.code() + "/mall/items/COIN-FLIP/draws?limit=500").then()
                .statusCode(200).extract().jsonPath();
        List<Integer> values = draws.getList("items.randomValue");
        List<String> outcomes = draws.getList("items.outcome");
        long won = outcomes.stream().filter("WON"::equals).count();
        // every outcome follows from its recorded number; 200 fair flips land within 60..140 wins (p > 0.99999)
        for (int i = 0; i < values.size(); i++) {
            assertThat(outcomes.get(i)).isEqualTo(values.get(i) < 500_000 ? "WON" : "NO_PRIZE");
        }
        assertThat(won).isBetween(60L, 140L);
        assertThat(balance(shop, "jo")).isZero();
    }
}
