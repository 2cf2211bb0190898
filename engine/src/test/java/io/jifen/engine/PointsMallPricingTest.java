package io.jifen.engine;

import io.jifen.engine.evaluation.AppliedDiscount;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.PointsBack;
import io.jifen.engine.evaluation.PriceQuote;
import io.jifen.engine.facts.CatalogItem;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PointsMallPricingTest {
    private static final CompiledProgram PROGRAM = new LoyaltyEngine().compile(drl("pricing.drl", """
            rule "five yuan coupon"
                ruleflow-group "price"
            when
                CatalogItem(type == "COUPON", attribute("faceValue") == "5")
            then
                actions.listPrice(200, "a 5-yuan coupon costs 200 points");
            end

            rule "gold discount"
                ruleflow-group "discount"
            when
                Member(tier == "GOLD")
            then
                actions.discount(10, "TIER_DISCOUNT", "gold members pay 10% less");
            end

            rule "singles day"
                ruleflow-group "discount"
            when
                ProgramCalendar(isBetween("2026-11-11", "2026-11-13"))
            then
                actions.discount(20, "LIMITED_TIME", "20% off for Singles' Day");
            end

            rule "points plus cash"
                ruleflow-group "payment"
            when
                $i : CatalogItem(type == "PHYSICAL", cashPrice != null)
            then
                actions.pointsPlusCash($i.getBasePoints() / 2, $i.getCashPrice(), "half the points plus cash");
            end

            rule "gold members get 5 percent back"
                ruleflow-group "reward"
            when
                Member(tier == "GOLD")
            then
                actions.pointsBack(5, "POINTS_BACK", "gold members get 5% of the points paid back");
            end

            rule "singles day doubles it"
                ruleflow-group "reward"
            when
                Member(tier == "GOLD")
                ProgramCalendar(isBetween("2026-11-11", "2026-11-13"))
            then
                actions.pointsBack(5, "DOUBLE_POINTS_BACK", "double points back on Singles' Day");
            end
            """)).orThrow();

    @Test
    void goldMemberOnSinglesDayGetsBothDiscountsEachOnWhatIsLeft() {
        PriceQuote quote = PROGRAM.quote(context("GOLD"), item("KETTLE", "PHYSICAL", 1000, null),
                at("2026-11-12T10:00:00")).orThrow();
        assertThat(quote.discounts()).extracting(AppliedDiscount::pointsOff).containsExactly(100L, 180L);
        assertThat(quote.pointsPrice()).isEqualTo(720);
    }

    @Test
    void fiveYuanCouponIsListedAtTwoHundredPoints() {
        PriceQuote quote = PROGRAM.quote(context("REGULAR"),
                new CatalogItem("CPN5", "COUPON", "coupon", 500, null, Map.of("faceValue", "5")),
                at("2026-10-01T10:00:00")).orThrow();
        assertThat(quote.listPoints()).isEqualTo(200);
        assertThat(quote.listPriceRule()).isEqualTo("five yuan coupon");
        assertThat(quote.pointsPrice()).isEqualTo(200);
        assertThat(quote.cashPart()).isEqualByComparingTo("0");
    }

    @Test
    void physicalItemWithACashPriceOffersPointsPlusCash() {
        PriceQuote quote = PROGRAM.quote(context("REGULAR"), item("MUG", "PHYSICAL", 800, new BigDecimal("9.90")),
                at("2026-10-01T10:00:00")).orThrow();
        assertThat(quote.options()).singleElement().satisfies(o -> {
            assertThat(o.points()).isEqualTo(400);
            assertThat(o.cash()).isEqualByComparingTo("9.90");
        });
    }

    @Test
    void priceDoesNotDependOnTheOrderDiscountsFireIn() {
        // 1011 × 0.9 × 0.8 = 727.92 → 727 whichever discount comes first; the savings add up to it
        PriceQuote quote = PROGRAM.quote(context("GOLD"), item("LAMP", "PHYSICAL", 1011, null),
                at("2026-11-12T10:00:00")).orThrow();
        assertThat(quote.pointsPrice()).isEqualTo(727);
        assertThat(quote.discounts().stream().mapToLong(AppliedDiscount::pointsOff).sum()).isEqualTo(1011 - 727);
    }

    @Test
    void goldMemberGetsDoublePointsBackOnSinglesDayOnThePointsActuallyPaid() {
        PriceQuote quote = PROGRAM.quote(context("GOLD"), item("KETTLE", "PHYSICAL", 1000, null),
                at("2026-11-12T10:00:00")).orThrow();
        // 10% of the 720 points paid, split between the two rules
        assertThat(quote.totalPointsBack()).isEqualTo(72);
        assertThat(quote.pointsBack()).extracting(PointsBack::family, PointsBack::points)
                .containsExactlyInAnyOrder(Tuple.tuple("POINTS_BACK", 36L),
                        Tuple.tuple("DOUBLE_POINTS_BACK", 36L));
        assertThat(quote.pointsBackOn(400)).as("on a points-plus-cash option's 400 points").isEqualTo(40);
    }

    @Test
    void aRegularMemberGetsNoPointsBackAndAGoldMemberTheStandingRateOutsideTheCampaign() {
        assertThat(PROGRAM.quote(context("REGULAR"), item("KETTLE", "PHYSICAL", 1000, null), at("2026-11-12T10:00:00"))
                .orThrow().pointsBack()).isEmpty();
        assertThat(PROGRAM.quote(context("GOLD"), item("KETTLE", "PHYSICAL", 1000, null), at("2026-10-01T10:00:00"))
                .orThrow().totalPointsBack()).isEqualTo(45); // 5% of 900
    }

    @Test
    void pointsBackAboveOneHundredPercentIsARuleError() {
        CompiledProgram greedy = new LoyaltyEngine().compile(drl("greedy.drl", """
                rule "everything back and more"
                    ruleflow-group "reward"
                when
                    CatalogItem()
                then
                    actions.pointsBack(150, "POINTS_BACK", "too generous");
                end
                """)).orThrow();
        assertThat(greedy.quote(context("REGULAR"), item("KETTLE", "PHYSICAL", 1000, null), at("2026-10-01T10:00:00")))
                .isInstanceOf(Evaluation.Failed.class);
    }

    private static CatalogItem item(String sku, String type, long points, BigDecimal cash) {
        return new CatalogItem(sku, type, "home", points, cash, Map.of());
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
