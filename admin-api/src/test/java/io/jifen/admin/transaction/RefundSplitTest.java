package io.jifen.admin.transaction;

import io.jifen.admin.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a refund takes off a purchase, given the refunds before it (docs/ledger.md, "Refunds"): by
 * lines, each unit its share of the line (the last unit what is left); by amount, spread over the
 * lines in proportion to what remains of each, half-even to the currency's decimals.
 */
class RefundSplitTest {
    private static final int CNY = 2; // decimals of the currency
    private static final int JPY = 0;

    private static TransactionModels.LineRequest line(String sku, int quantity, String amount) {
        return new TransactionModels.LineRequest(sku, "grocery", quantity, null, new BigDecimal(amount));
    }

    private static TransactionModels.PurchaseRequest purchase(String total, TransactionModels.LineRequest... lines) {
        return new TransactionModels.PurchaseRequest("order-1", "lin-mei", Instant.parse("2026-03-10T03:00:00Z"), null,
                null, "CNY", new BigDecimal(total), List.of(lines));
    }

    private static RefundModels.RefundRequest byLines(RefundModels.RefundLine... lines) {
        return new RefundModels.RefundRequest("refund", "order-1", null, null, List.of(lines), null);
    }

    private static RefundModels.RefundRequest byAmount(String amount) {
        return new RefundModels.RefundRequest("refund", "order-1", null, new BigDecimal(amount), null, null);
    }

    private static final RefundModels.RefundRequest IN_FULL =
            new RefundModels.RefundRequest("refund", "order-1", null, null, null, null);

    private static RefundModels.RefundLine units(String sku, int quantity) {
        return new RefundModels.RefundLine(sku, quantity);
    }

    private static List<BigDecimal> money(String... amounts) {
        return Arrays.stream(amounts).map(BigDecimal::new).toList();
    }

    @Test
    void aRefundInFullTakesEveryLineAndTheWholeTotal() {
        TransactionModels.PurchaseRequest p = purchase("520.00", line("OIL-5L", 4, "520.00"));
        RefundModels.Refunded refunded = RefundSplit.split(p, List.of(), IN_FULL, CNY);
        assertThat(refunded.total()).isEqualByComparingTo("520.00");
        assertThat(refunded.quantities()).containsExactly(4);
        assertThat(refunded.amounts()).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("520.00"));
    }

    @Test
    void aLineWithAUnitPriceIsWorthUnitPriceTimesQuantity() {
        TransactionModels.PurchaseRequest p = purchase("520.00",
                new TransactionModels.LineRequest("OIL-5L", "grocery", 4, new BigDecimal("130.00"), null));
        assertThat(RefundSplit.split(p, List.of(), byLines(units("OIL-5L", 1)), CNY).total()).isEqualByComparingTo("130.00");
    }

    @Test
    void aLineRefundedUnitByUnitSumsToItsAmount() {
        TransactionModels.PurchaseRequest p = purchase("100.00", line("TEA", 3, "100.00"));
        List<RefundModels.Refunded> refunds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refunds.add(RefundSplit.split(p, refunds, byLines(units("TEA", 1)), CNY));
        }
        // 100/3 = 33.33; then 66.67/2 = 33.335, half-even 33.34; the last unit takes what is left
        assertThat(refunds).extracting(RefundModels.Refunded::total).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(money("33.33", "33.34", "33.33"));
        assertThat(refunds.stream().map(RefundModels.Refunded::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100.00");
    }

    @Test
    void aUnitsShareIsRoundedHalfToEven() {
        TransactionModels.PurchaseRequest p = purchase("10.25", line("SOAP", 2, "10.25"));
        RefundModels.Refunded first = RefundSplit.split(p, List.of(), byLines(units("SOAP", 1)), CNY);
        assertThat(first.total()).isEqualByComparingTo("5.12"); // 5.125: half-up would say 5.13
        assertThat(RefundSplit.split(p, List.of(first), byLines(units("SOAP", 1)), CNY).total())
                .isEqualByComparingTo("5.13");
    }

    @Test
    void unitsArePricedOnWhatAnEarlierRefundByAmountLeftOfTheLine() {
        TransactionModels.PurchaseRequest p = purchase("520.00", line("OIL-5L", 4, "520.00"));
        RefundModels.Refunded first = RefundSplit.split(p, List.of(), byAmount("120.00"), CNY);
        RefundModels.Refunded second = RefundSplit.split(p, List.of(first), byLines(units("OIL-5L", 1)), CNY);
        assertThat(second.total()).isEqualByComparingTo("100.00"); // 400.00 left over 4 units
    }

    @Test
    void aRefundByAmountIsSpreadOverTheLinesInProportion() {
        TransactionModels.PurchaseRequest p = purchase("300.00", line("A", 1, "200.00"), line("B", 1, "100.00"));
        RefundModels.Refunded refunded = RefundSplit.split(p, List.of(), byAmount("100.00"), CNY);
        assertThat(refunded.amounts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(money("66.67", "33.33"));
        assertThat(refunded.total()).isEqualByComparingTo("100.00");
    }

    @Test
    void theSharesOfARefundByAmountAreRoundedHalfToEven() {
        TransactionModels.PurchaseRequest p = purchase("4.00", line("A", 1, "1.00"), line("B", 1, "3.00"));
        // 0.125 and 0.375: half-even gives 0.12 and 0.38, which already add up to the amount
        assertThat(RefundSplit.split(p, List.of(), byAmount("0.50"), CNY).amounts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(money("0.12", "0.38"));
    }

    @Test
    void theRoundingDifferenceOfARefundByAmountGoesToTheLastLine() {
        TransactionModels.PurchaseRequest p = purchase("300.00", line("A", 1, "100.00"), line("B", 1, "100.00"),
                line("C", 1, "100.00"));
        RefundModels.Refunded refunded = RefundSplit.split(p, List.of(), byAmount("100.00"), CNY);
        assertThat(refunded.amounts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(money("33.33", "33.33", "33.34"));
    }

    @Test
    void aCurrencyWithoutDecimalsSplitsIntoWholeUnits() {
        TransactionModels.PurchaseRequest p = purchase("300", line("A", 1, "100"), line("B", 1, "200"));
        RefundModels.Refunded refunded = RefundSplit.split(p, List.of(), byAmount("100"), JPY);
        assertThat(refunded.amounts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(money("33", "67"));
    }

    @Test
    void aRefundByLinesNeverTakesMoreThanRemainsOfTheTotal() {
        // the lines add up to 520.00, but the purchase was 500.00 after a discount on the whole basket
        TransactionModels.PurchaseRequest p = purchase("500.00", line("OIL-5L", 4, "520.00"));
        assertThat(RefundSplit.split(p, List.of(), byLines(units("OIL-5L", 4)), CNY).total())
                .isEqualByComparingTo("500.00");
    }

    @Test
    void whatRemainsOfAPurchaseDropsRefundedLinesAndKeepsTheRestOfPartlyRefundedOnes() {
        TransactionModels.PurchaseRequest p = purchase("620.00", line("OIL-5L", 4, "520.00"), line("RICE", 1, "100.00"));
        RefundModels.Refunded refunded = RefundSplit.split(p, List.of(),
                byLines(units("OIL-5L", 1), units("RICE", 1)), CNY);
        TransactionModels.PurchaseRequest left = RefundSplit.remaining(p, List.of(refunded));
        assertThat(left.total()).isEqualByComparingTo("390.00");
        assertThat(left.lines()).hasSize(1);
        assertThat(left.lines().get(0).sku()).isEqualTo("OIL-5L");
        assertThat(left.lines().get(0).quantity()).isEqualTo(3);
        assertThat(left.lines().get(0).amount()).isEqualByComparingTo("390.00");
        assertThat(left.transactionId()).isEqualTo("order-1");
    }

    @Test
    void aPurchaseRefundedInFullCannotBeRefundedAgain() {
        TransactionModels.PurchaseRequest p = purchase("520.00", line("OIL-5L", 4, "520.00"));
        RefundModels.Refunded all = RefundSplit.split(p, List.of(), IN_FULL, CNY);
        assertThatThrownBy(() -> RefundSplit.split(p, List.of(all), byAmount("1.00"), CNY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("has been refunded in full already");
    }

    @Test
    void anAmountMayNotBeMoreThanRemainsOfThePurchase() {
        TransactionModels.PurchaseRequest p = purchase("520.00", line("OIL-5L", 4, "520.00"));
        RefundModels.Refunded first = RefundSplit.split(p, List.of(), byAmount("500.00"), CNY);
        assertThatThrownBy(() -> RefundSplit.split(p, List.of(first), byAmount("20.01"), CNY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("amount is more than remains of the purchase (20.00)");
    }

    @Test
    void anAmountMayNotHaveMoreDecimalsThanTheCurrency() {
        TransactionModels.PurchaseRequest p = purchase("520.00", line("OIL-5L", 4, "520.00"));
        assertThatThrownBy(() -> RefundSplit.split(p, List.of(), byAmount("10.005"), CNY))
                .isInstanceOf(ProblemException.class).hasMessage("amount has more than 2 decimals");
        assertThat(RefundSplit.split(p, List.of(), byAmount("10.500"), CNY).total()).isEqualByComparingTo("10.50");
    }

    @Test
    void aRefundGivesLinesOrAnAmountNotBoth() {
        TransactionModels.PurchaseRequest p = purchase("520.00", line("OIL-5L", 4, "520.00"));
        RefundModels.RefundRequest both = new RefundModels.RefundRequest("refund", "order-1", null,
                new BigDecimal("10.00"), List.of(units("OIL-5L", 1)), null);
        assertThatThrownBy(() -> RefundSplit.split(p, List.of(), both, CNY))
                .isInstanceOf(ProblemException.class).hasMessage("amount give either lines or an amount, not both");
    }

    @Test
    void moreUnitsThanRemainAreRefusedNamingTheLineOfTheRequest() {
        TransactionModels.PurchaseRequest p = purchase("520.00", line("OIL-5L", 4, "520.00"));
        RefundModels.Refunded three = RefundSplit.split(p, List.of(), byLines(units("OIL-5L", 3)), CNY);
        assertThatThrownBy(() -> RefundSplit.split(p, List.of(three), byLines(units("OIL-5L", 2)), CNY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageStartingWith("lines[0].quantity is more than remains of `OIL-5L`")
                .hasMessageContaining("(1 left to refund)");
    }
}
