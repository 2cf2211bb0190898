package io.jifen.admin.transaction;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arithmetic of refunds on one purchase: what a refund takes off (line by line) given the refunds
 * before it, and the purchase that remains, which is re-evaluated with the original rule version.
 * By lines: each unit refunded takes its share of the line amount (the last unit takes what is left,
 * so a line refunded unit by unit sums to its amount). By amount: the amount is spread over the lines
 * in proportion to what remains of each, rounded half-even to the currency's decimals.
 */
final class RefundSplit {
    private RefundSplit() {
    }

    /** What is left of the purchase after the given refunds. */
    static TransactionModels.PurchaseRequest remaining(TransactionModels.PurchaseRequest purchase,
                                                       List<RefundModels.Refunded> refunds) {
        List<TransactionModels.LineRequest> lines = lines(purchase);
        List<TransactionModels.LineRequest> left = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TransactionModels.LineRequest l = lines.get(i);
            int quantity = quantity(l) - refundedQuantity(refunds, i);
            BigDecimal amount = l.amount() == null ? null : l.amount().subtract(refundedAmount(refunds, i));
            if (quantity > 0 && (amount == null || amount.signum() > 0)) {
                left.add(new TransactionModels.LineRequest(l.sku(), l.category(), quantity, null, amount));
            }
        }
        BigDecimal total = purchase.total().subtract(refunds.stream().map(RefundModels.Refunded::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        return new TransactionModels.PurchaseRequest(purchase.transactionId(), purchase.memberId(), purchase.occurredAt(),
                purchase.channel(), purchase.store(), purchase.currency(), total, left);
    }

    /** What this refund takes off, checked against what the earlier refunds left. */
    static RefundModels.Refunded split(TransactionModels.PurchaseRequest purchase, List<RefundModels.Refunded> earlier,
                                       RefundModels.RefundRequest r, int scale) {
        if (r.amount() != null && r.lines() != null && !r.lines().isEmpty()) {
            throw ProblemException.invalidField("amount", "give either lines or an amount, not both");
        }
        TransactionModels.PurchaseRequest left = remaining(purchase, earlier);
        if (left.total().signum() <= 0) {
            throw ProblemException.of(ProblemType.ALREADY_REFUNDED, "purchase `" + purchase.transactionId()
                    + "` has been refunded in full already");
        }
        List<TransactionModels.LineRequest> lines = lines(purchase);
        int n = lines.size();
        List<Integer> quantities = new ArrayList<>(Collections.nCopies(n, 0));
        List<BigDecimal> amounts = new ArrayList<>(Collections.nCopies(n, BigDecimal.ZERO));
        BigDecimal total;
        if (r.lines() != null && !r.lines().isEmpty()) {
            total = BigDecimal.ZERO;
            for (int k = 0; k < r.lines().size(); k++) {
                RefundModels.RefundLine asked = r.lines().get(k);
                int wanted = asked.quantity();
                for (int i = 0; i < n && wanted > 0; i++) {
                    TransactionModels.LineRequest l = lines.get(i);
                    if (!l.sku().equals(asked.sku())) {
                        continue;
                    }
                    int already = refundedQuantity(earlier, i) + quantities.get(i);
                    int take = Math.min(wanted, quantity(l) - already);
                    if (take <= 0) {
                        continue;
                    }
                    if (l.amount() == null) {
                        throw ProblemException.invalidField("lines[" + k + "].sku", "names a purchase line without an"
                                + " amount: refund by amount instead");
                    }
                    // units are priced on what remains of the line (earlier refunds by amount lowered it);
                    // the last units take exactly what is left
                    BigDecimal remains = l.amount().subtract(refundedAmount(earlier, i)).subtract(amounts.get(i));
                    int unitsLeft = quantity(l) - already;
                    BigDecimal share = take == unitsLeft ? remains
                            : remains.multiply(BigDecimal.valueOf(take))
                                    .divide(BigDecimal.valueOf(unitsLeft), scale, RoundingMode.HALF_EVEN);
                    quantities.set(i, quantities.get(i) + take);
                    amounts.set(i, amounts.get(i).add(share));
                    total = total.add(share);
                    wanted -= take;
                }
                if (wanted > 0) {
                    throw ProblemException.invalidField("lines[" + k + "].quantity", "is more than remains of `"
                            + asked.sku() + "` on purchase `" + purchase.transactionId() + "` (" + (asked.quantity() - wanted)
                            + " left to refund)");
                }
            }
            if (total.compareTo(left.total()) > 0) {
                total = left.total();
            }
        } else if (r.amount() != null) {
            if (r.amount().signum() <= 0) {
                throw ProblemException.invalidField("amount", "must be positive");
            }
            if (r.amount().stripTrailingZeros().scale() > scale) {
                throw ProblemException.invalidField("amount", "has more than " + scale + " decimals");
            }
            if (r.amount().compareTo(left.total()) > 0) {
                throw ProblemException.invalidField("amount", "is more than remains of the purchase (" + left.total() + ")");
            }
            total = r.amount();
            List<BigDecimal> remains = new ArrayList<>();
            BigDecimal lineTotal = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                TransactionModels.LineRequest l = lines.get(i);
                BigDecimal rest = l.amount() == null ? BigDecimal.ZERO : l.amount().subtract(refundedAmount(earlier, i));
                remains.add(rest);
                lineTotal = lineTotal.add(rest);
                BigDecimal share = total.multiply(rest).divide(left.total(), scale, RoundingMode.HALF_EVEN).min(rest);
                amounts.set(i, share.max(BigDecimal.ZERO));
            }
            // the lines must still add up to what remains of the total: the rounding difference goes to
            // the last lines that can take it
            if (lineTotal.compareTo(left.total()) == 0) {
                BigDecimal difference = total.subtract(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                for (int i = n - 1; i >= 0 && difference.signum() != 0; i--) {
                    BigDecimal change = difference.signum() > 0 ? difference.min(remains.get(i).subtract(amounts.get(i)))
                            : difference.max(amounts.get(i).negate());
                    amounts.set(i, amounts.get(i).add(change));
                    difference = difference.subtract(change);
                }
            }
        } else {
            total = left.total();
            for (int i = 0; i < n; i++) {
                TransactionModels.LineRequest l = lines.get(i);
                quantities.set(i, quantity(l) - refundedQuantity(earlier, i));
                amounts.set(i, l.amount() == null ? BigDecimal.ZERO : l.amount().subtract(refundedAmount(earlier, i)));
            }
        }
        return new RefundModels.Refunded(quantities, amounts, total);
    }

    /** The purchase's lines with their amounts resolved (amount, else unit price × quantity). */
    private static List<TransactionModels.LineRequest> lines(TransactionModels.PurchaseRequest purchase) {
        if (purchase.lines() == null) {
            return List.of();
        }
        return purchase.lines().stream().map(l -> new TransactionModels.LineRequest(l.sku(), l.category(), quantity(l),
                l.unitPrice(), l.amount() != null ? l.amount()
                : l.unitPrice() == null ? null : l.unitPrice().multiply(BigDecimal.valueOf(quantity(l))))).toList();
    }

    private static int quantity(TransactionModels.LineRequest l) {
        return l.quantity() == null ? 1 : l.quantity();
    }

    private static int refundedQuantity(List<RefundModels.Refunded> refunds, int line) {
        return refunds.stream().mapToInt(r -> line < r.quantities().size() ? r.quantities().get(line) : 0).sum();
    }

    private static BigDecimal refundedAmount(List<RefundModels.Refunded> refunds, int line) {
        return refunds.stream().map(r -> line < r.amounts().size() ? r.amounts().get(line) : BigDecimal.ZERO)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
