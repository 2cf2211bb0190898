package io.jifen.admin.redemption;

import io.jifen.admin.support.Api;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.redemption.Mall.ADDRESS;
import static io.jifen.admin.redemption.Mall.createItem;
import static io.jifen.admin.redemption.Mall.member;
import static io.jifen.admin.redemption.Mall.redeem;
import static io.jifen.admin.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A pricing rule that names a campaign (a limited-time price) is held to its campaign as an earning rule is:
 * outside the campaign's window or audience, or for a campaign the merchant never defined, it changes no price,
 * and the quote says why.
 */
@QuarkusTest
class LimitedTimePricesFollowTheirCampaignTest {
    private static final String PRICING = """
            package jifen.flash;
            import io.jifen.engine.facts.*;
            global RuleActions actions;

            rule "flash sale: 20% off" @campaign("flash-sale")
                ruleflow-group "discount"
            when
                CatalogItem()
            then
                actions.discount(20, "LIMITED_TIME", "20% off in the flash sale");
            end

            rule "ghost sale: 10% off" @campaign("ghost-sale")
                ruleflow-group "discount"
            when
                CatalogItem()
            then
                actions.discount(10, "LIMITED_TIME", "a campaign nobody defined");
            end
            """;

    private static final LocalDateTime NOW = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);

    private static Api.TestMerchant shop() {
        Api.TestMerchant shop = Api.newMerchant();
        int version = Api.upload(shop, RuleSet.of(RuleFile.text("pricing.drl", PRICING)));
        as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation")
                .then().statusCode(200);
        createItem(shop, "TEA-SET", "PHYSICAL", 1000, Map.of());
        return shop;
    }

    private static Map<String, Object> flashSale(LocalDateTime from, LocalDateTime to, List<String> tiers) {
        Map<String, Object> body = new HashMap<>(Map.of("code", "flash-sale", "name", "Flash sale",
                "startsAt", from.toString(), "endsAt", to.toString(), "items", List.of("TEA-SET")));
        if (tiers != null) {
            body.put("audience", Map.of("tiers", tiers));
        }
        return body;
    }

    private static String quote(Api.TestMerchant shop, String member) {
        return "/merchants/" + shop.code() + "/members/" + member + "/mall/items/TEA-SET/quote";
    }

    @Test
    void inItsWindowTheFlashSalePriceAppliesAndTheUndefinedCampaignsRuleIsWithheld() {
        Api.TestMerchant shop = shop();
        as(shop.marketing()).body(flashSale(NOW.minusDays(1), NOW.plusDays(1), null))
                .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(201);
        member(shop, "ann", null, 2000);

        as(shop.qa()).get(quote(shop, "ann")).then().statusCode(200)
                .body("pointsPrice", equalTo(800))
                .body("discounts.rule", equalTo(List.of("flash sale: 20% off")))
                .body("withheld", hasSize(1))
                .body("withheld[0].rule", equalTo("ghost sale: 10% off"))
                .body("withheld[0].campaign", equalTo("ghost-sale"))
                .body("withheld[0].reason", containsString("campaign `ghost-sale` is not defined for this merchant"));
        redeem(shop, "ann", "r-1", "TEA-SET", Map.of("shippingAddress", ADDRESS)).statusCode(201)
                .body("points", equalTo(800));
    }

    @Test
    void beforeItsWindowOrOutsideItsAudienceTheListPriceIsPaidAndTheQuoteSaysWhy() {
        Api.TestMerchant shop = shop();
        as(shop.marketing()).body(flashSale(NOW.plusDays(2), NOW.plusDays(3), null))
                .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(201);
        member(shop, "bo", null, 2000);
        as(shop.qa()).get(quote(shop, "bo")).then().statusCode(200)
                .body("pointsPrice", equalTo(1000))
                .body("discounts", hasSize(0))
                .body("withheld.campaign", equalTo(List.of("flash-sale", "ghost-sale")))
                .body("withheld[0].reason", containsString("outside the window of campaign `flash-sale`"));
        redeem(shop, "bo", "r-2", "TEA-SET", Map.of("shippingAddress", ADDRESS)).statusCode(201)
                .body("points", equalTo(1000));

        as(shop.marketing()).body(flashSale(NOW.minusDays(1), NOW.plusDays(1), List.of("GOLD")))
                .put("/merchants/" + shop.code() + "/campaigns/flash-sale").then().statusCode(200);
        member(shop, "gus", "GOLD", 0);
        as(shop.qa()).get(quote(shop, "bo")).then().statusCode(200).body("pointsPrice", equalTo(1000))
                .body("withheld[0].reason", containsString("is not in the audience of campaign `flash-sale`"));
        as(shop.qa()).get(quote(shop, "gus")).then().statusCode(200).body("pointsPrice", equalTo(800))
                .body("withheld[0].campaign", equalTo("ghost-sale")).body("notRedeemable", hasSize(1))
                .body("withheld[1]", nullValue());
    }
}
