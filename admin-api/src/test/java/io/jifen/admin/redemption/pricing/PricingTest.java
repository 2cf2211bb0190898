package io.jifen.admin.redemption.pricing;

import io.jifen.admin.problem.ProblemException;
import io.jifen.engine.evaluation.AppliedDiscount;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.InputProblem;
import io.jifen.engine.evaluation.PaymentOption;
import io.jifen.engine.evaluation.PointsBack;
import io.jifen.engine.evaluation.PriceQuote;
import io.jifen.engine.evaluation.ProgramPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a redemption pays and gets back, from the rules' quote (docs/mall.md, "Pricing" and "Points
 * back"): option 0 is the main price, options 1… the rules' points-plus-cash alternatives; points back
 * are the rules' percents added up, applied once to the points actually paid, never more than paid.
 */
class PricingTest {
    private static final List<PaymentOption> TWO_OPTIONS = List.of(
            new PaymentOption(600, new BigDecimal("20.00"), "half cash", "pay part in cash"),
            new PaymentOption(333, new BigDecimal("45.00"), "mostly cash", "pay most in cash"));

    private static final List<PointsBack> TEN_AND_FIVE_PERCENT_BACK = List.of(
            new PointsBack("double points back", "CAMPAIGN", new BigDecimal("10.00"), 100, "campaign"),
            new PointsBack("gold members", "TIER", new BigDecimal("5"), 50, "gold"));

    private static PriceQuote quote(List<PaymentOption> options, List<PointsBack> back, RoundingMode rounding) {
        return new PriceQuote("program", "TEA-GIFT", 1200, 1200, null, 1000, new BigDecimal("0.00"),
                List.of(new AppliedDiscount("member day", "MEMBER_DAY", new BigDecimal("16.6700"), 200, "member day")),
                options, back, List.of(), new ProgramPolicy(rounding, ProgramPolicy.MultiplierStacking.ADDITIVE), List.of());
    }

    private static final PriceQuote QUOTE = quote(TWO_OPTIONS, TEN_AND_FIVE_PERCENT_BACK, RoundingMode.DOWN);

    @Test
    void optionZeroOrNoneIsTheMainPrice() {
        assertThat(Pricing.payment(QUOTE, null)).isEqualTo(new Pricing.Payment(0, 1000, new BigDecimal("0.00")));
        assertThat(Pricing.payment(QUOTE, 0)).isEqualTo(new Pricing.Payment(0, 1000, new BigDecimal("0.00")));
    }

    @Test
    void optionNIsTheRulesNthPointsPlusCashAlternative() {
        assertThat(Pricing.payment(QUOTE, 1)).isEqualTo(new Pricing.Payment(1, 600, new BigDecimal("20.00")));
        assertThat(Pricing.payment(QUOTE, 2)).isEqualTo(new Pricing.Payment(2, 333, new BigDecimal("45.00")));
    }

    @Test
    void anOptionTheRulesDoNotOfferIsRefusedSayingWhichTheyDo() {
        assertThatThrownBy(() -> Pricing.payment(QUOTE, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("paymentOption is 3 but the rules offer options 0 to 2");
        assertThatThrownBy(() -> Pricing.payment(quote(List.of(), List.of(), RoundingMode.DOWN), 1))
                .isInstanceOf(ProblemException.class)
                .hasMessage("paymentOption is 1 but the rules offer no other payment option for this item"
                        + " (use 0, the points price)");
    }

    @Test
    void pointsBackOnTheMainPriceAreWhatTheRulesQuoted() {
        assertThat(Pricing.pointsBack(QUOTE, Pricing.payment(QUOTE, 0))).isEqualTo(150);
    }

    @Test
    void pointsBackOnAnOptionAddThePercentsAndRoundOnceWithTheMerchantsRounding() {
        // 15 % of 333 is 49.95
        assertThat(Pricing.pointsBack(QUOTE, Pricing.payment(QUOTE, 2))).isEqualTo(49);
        PriceQuote roundingHalfUp = quote(TWO_OPTIONS, TEN_AND_FIVE_PERCENT_BACK, RoundingMode.HALF_UP);
        assertThat(Pricing.pointsBack(roundingHalfUp, Pricing.payment(roundingHalfUp, 2))).isEqualTo(50);
        assertThat(Pricing.pointsBack(QUOTE, Pricing.payment(QUOTE, 1))).isEqualTo(90);
    }

    @Test
    void pointsBackAreNeverMoreThanWasPaid() {
        PriceQuote generous = quote(TWO_OPTIONS, List.of(
                new PointsBack("everything back and more", "CAMPAIGN", new BigDecimal("150"), 1000, "too generous")),
                RoundingMode.DOWN);
        assertThat(Pricing.pointsBack(generous, Pricing.payment(generous, 1))).isEqualTo(600);
    }

    @Test
    void noPointsBackRulesGiveNothingBack() {
        PriceQuote none = quote(TWO_OPTIONS, List.of(), RoundingMode.DOWN);
        assertThat(Pricing.pointsBack(none, Pricing.payment(none, 0))).isZero();
        assertThat(Pricing.pointsBack(none, Pricing.payment(none, 1))).isZero();
    }

    @Test
    void percentsAndMoneyAreShownPlainNeverInExponentNotation() {
        assertThat(Pricing.plain(new BigDecimal("10.00")).toString()).isEqualTo("10");
        assertThat(Pricing.plain(new BigDecimal("2.50")).toString()).isEqualTo("2.5");
        assertThat(Pricing.plain(new BigDecimal("20.0000")).toString()).isEqualTo("20");
        assertThat(Pricing.plain(new BigDecimal("1E+1")).toString()).isEqualTo("10");
        assertThat(Pricing.plain(new BigDecimal("0.00")).toString()).isEqualTo("0");
    }

    @Test
    void theQuoteViewsCarryEachRuleWithItsPlainPercentAndNumberTheOptionsFromOne() {
        assertThat(Pricing.discounts(QUOTE)).containsExactly(
                new MallModels.DiscountView("member day", "MEMBER_DAY", new BigDecimal("16.67"), 200, "member day"));
        assertThat(Pricing.pointsBack(QUOTE)).extracting(MallModels.PointsBackView::percent)
                .extracting(BigDecimal::toString).containsExactly("10", "5");
        assertThat(Pricing.options(QUOTE)).containsExactly(
                new MallModels.OptionView(1, 600, new BigDecimal("20.00"), "half cash", "pay part in cash"),
                new MallModels.OptionView(2, 333, new BigDecimal("45.00"), "mostly cash", "pay most in cash"));
    }

    @Test
    void aCompletedPricingIsTheQuote() {
        assertThat(Pricing.completed(new Evaluation.Completed<>(QUOTE))).isSameAs(QUOTE);
    }

    @Test
    void anItemTheRulesRefuseIsInvalidNamingTheFieldsAsTheApiNamesThem() {
        Evaluation<PriceQuote> refused = new Evaluation.Refused<>(List.of(
                new InputProblem("item.basePoints", "must not be negative")));
        assertThatThrownBy(() -> Pricing.completed(refused))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("the item is not valid for pricing: basePoints must not be negative");
    }

    @Test
    void rulesThatFailWhilePricingRedeemNothing() {
        Evaluation<PriceQuote> failed = new Evaluation.Failed<>(Evaluation.FailureKind.RULE_ERROR, "bad rule", "boom");
        assertThatThrownBy(() -> Pricing.completed(failed))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("RULE_ERROR: boom (nothing was redeemed)");
    }
}
