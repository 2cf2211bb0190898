package io.jifen.admin.redemption;

import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.AtOnce;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.redemption.Mall.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Races: however many requests arrive at once, no item is over-redeemed and no point spent twice. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class MallConcurrencyTest {
    @Inject
    AdjustableClock clock;

    @BeforeEach
    void onAQuietDay() {
        clock.travelTo(MallRedemptionTest.QUIET_DAY);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private static Response redemption(Api.TestMerchant shop, String member, String id, String sku) {
        return as(shop.integrator()).body(Map.of("redemptionId", id, "sku", sku))
                .post("/merchants/" + shop.code() + "/members/" + member + "/redemptions");
    }

    private static Map<Integer, Long> statuses(List<Response> responses) {
        Map<Integer, Long> count = new HashMap<>();
        responses.forEach(r -> count.merge(r.statusCode(), 1L, Long::sum));
        return count;
    }

    @Test
    void twoHundredMembersRacingForTenUnitsGetExactlyTenOrdersAndTheRestAClear409() throws Exception {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "HOT-PHONE", "SERVICE", 100, Map.of("stock", 10));
        AtOnce.calls(200, i -> {
            member(shop, "racer-" + i, null, 1000);
            return null;
        });

        List<Response> responses = AtOnce.calls(200, i -> redemption(shop, "racer-" + i, "hot-" + i, "HOT-PHONE"));

        assertThat(statuses(responses)).containsOnlyKeys(201, 409).containsEntry(201, 10L).containsEntry(409, 190L);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.jsonPath().getString("type")).endsWith("/out-of-stock");
            assertThat(r.jsonPath().getString("detail")).isEqualTo("item `HOT-PHONE` is out of stock");
        });
        itemView(shop, "HOT-PHONE").body("stock", Matchers.equalTo(0));
        long charged = 0;
        for (int i = 0; i < 200; i++) {
            charged += 1000 - balance(shop, "racer-" + i);
        }
        assertThat(charged).as("only the ten winners paid").isEqualTo(10 * 100);
        assertThat(LedgerInvariants.scalar("select count(*) from redemption_order o join merchant m on m.id = o.merchant_id"
                + " where m.code = '" + shop.code() + "'")).isEqualTo(10);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aMemberWithPointsForOneItemFiringTwentyRedemptionsAtOnceGetsExactlyOne() throws Exception {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "SPEAKER", "SERVICE", 500, Map.of());
        member(shop, "eager", null, 700);

        List<Response> responses = AtOnce.calls(20, i -> redemption(shop, "eager", "eager-" + i, "SPEAKER"));

        assertThat(statuses(responses)).containsEntry(201, 1L).containsEntry(409, 19L);
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.jsonPath().getString("type")).endsWith("/insufficient-points"));
        assertThat(balance(shop, "eager")).isEqualTo(200);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void twentyConcurrentReplaysOfOneIdempotencyKeyMakeOneOrderAndAllGetItsBody() throws Exception {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "VOUCHER", "VIRTUAL", 100, Map.of("stock", 50));
        as(shop.marketing()).body(Map.of("generate", 50)).post("/merchants/" + shop.code() + "/mall/items/VOUCHER/codes")
                .then().statusCode(201);
        member(shop, "twin", null, 1000);

        List<Response> responses = AtOnce.calls(20, i -> redemption(shop, "twin", "same-key", "VOUCHER"));

        assertThat(statuses(responses)).containsOnlyKeys(201, 200).containsEntry(201, 1L);
        assertThat(responses.stream().map(Response::asString).distinct()).hasSize(1);
        assertThat(balance(shop, "twin")).isEqualTo(900);
        itemView(shop, "VOUCHER").body("stock", Matchers.equalTo(49))
                .body("codesAvailable", Matchers.equalTo(49));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void codesOfOnePoolAreEachIssuedOnceUnderConcurrentRedemptions() throws Exception {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "GAME-CARD", "VIRTUAL", 10, Map.of());
        as(shop.marketing()).body(Map.of("codes", codes(30, "GC-"))).post("/merchants/" + shop.code()
                + "/mall/items/GAME-CARD/codes").then().statusCode(201);
        AtOnce.calls(40, i -> {
            member(shop, "gamer-" + i, null, 100);
            return null;
        });

        List<Response> responses = AtOnce.calls(40, i -> redemption(shop, "gamer-" + i, "gc-" + i, "GAME-CARD"));

        assertThat(statuses(responses)).containsEntry(201, 30L).containsEntry(409, 10L);
        List<String> issued = responses.stream().filter(r -> r.statusCode() == 201)
                .map(r -> r.jsonPath().getString("code")).toList();
        assertThat(issued).doesNotHaveDuplicates().hasSize(30);
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.jsonPath().getString("type")).endsWith("/out-of-codes"));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void cancellationsRacingWithRedemptionsNeitherDeadlockNorLoseStock() throws Exception {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "LAMP", "PHYSICAL", 100, Map.of("stock", 20));
        AtOnce.calls(40, i -> {
            member(shop, "lamp-" + i, null, 1000);
            return null;
        });
        AtOnce.calls(20, i -> redemption(shop, "lamp-" + i, "lamp-first-" + i, "LAMP")
                .then().statusCode(422).extract().response()); // no address: nothing taken
        AtOnce.calls(20, i -> as(shop.integrator()).body(Map.of("redemptionId", "lamp-first-" + i, "sku", "LAMP",
                "shippingAddress", ADDRESS)).post("/merchants/" + shop.code() + "/members/lamp-" + i + "/redemptions"));
        itemView(shop, "LAMP").body("stock", Matchers.equalTo(0));

        // the first twenty cancel while the other twenty try to take what comes back
        List<Response> responses = AtOnce.calls(40, i -> i < 20
                ? as(shop.integrator()).body(Map.of("cancellationId", "lamp-cancel-" + i, "reason", "changed mind"))
                        .post("/merchants/" + shop.code() + "/redemptions/lamp-first-" + i + "/cancellation")
                : as(shop.integrator()).body(Map.of("redemptionId", "lamp-second-" + i, "sku", "LAMP",
                        "shippingAddress", ADDRESS)).post("/merchants/" + shop.code() + "/members/lamp-" + i + "/redemptions"));

        assertThat(responses.subList(0, 20)).allMatch(r -> r.statusCode() == 201);
        long second = responses.subList(20, 40).stream().filter(r -> r.statusCode() == 201).count();
        assertThat(responses.subList(20, 40)).allMatch(r -> r.statusCode() == 201 || r.statusCode() == 409);
        itemView(shop, "LAMP").body("stock", Matchers.equalTo((int) (20 - second)));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }
}
