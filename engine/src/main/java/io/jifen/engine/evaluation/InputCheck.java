package io.jifen.engine.evaluation;

import io.jifen.engine.facts.CatalogItem;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.MemberEvent;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks evaluation inputs before any rule runs. A purchase must have a positive total with no more
 * decimals than its currency allows; when it has lines, their amounts must add up to the total
 * (otherwise base points on lines and thresholds on the total would disagree).
 */
public final class InputCheck {
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private InputCheck() {
    }

    /**
     * Money is below 10^15 (what the ledger's NUMERIC(19,4) columns hold). Checked first, before any
     * arithmetic or message: {@code 1E+1500000000} is a valid BigDecimal whose plain text is 1.5 GB.
     */
    /** The most lines a purchase may have. */
    public static final int MAX_LINES = 500;

    static final String TOO_LARGE = "must be less than 1000000000000000 (10^15)";

    static boolean tooLarge(BigDecimal amount) {
        return (long) amount.precision() - amount.scale() > 15;
    }

    public static List<InputProblem> purchase(Purchase purchase) {
        List<InputProblem> problems = new ArrayList<>();
        int decimals = 2;
        if (purchase.getCurrency() != null) {
            try {
                decimals = Math.max(0, Currency.getInstance(purchase.getCurrency()).getDefaultFractionDigits());
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("purchase.currency", "`" + purchase.getCurrency()
                        + "` is not an ISO 4217 currency code"));
            }
        }
        BigDecimal total = purchase.getTotal();
        if (total == null) {
            problems.add(new InputProblem("purchase.total", "is required"));
        } else if (tooLarge(total)) {
            problems.add(new InputProblem("purchase.total", TOO_LARGE));
            total = null;
        } else {
            if (total.signum() <= 0) {
                problems.add(new InputProblem("purchase.total", "must be positive, was " + total.toPlainString()));
            }
            if (total.stripTrailingZeros().scale() > decimals) {
                problems.add(new InputProblem("purchase.total", "has more than " + decimals + " decimals"));
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<LineItem> lines = purchase.getLines();
        if (lines.size() > MAX_LINES) {
            // rules may pair lines (two line patterns): the work grows with the square of this number
            problems.add(new InputProblem("purchase.lines", "must have at most " + MAX_LINES + " lines, had " + lines.size()));
            return problems;
        }
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            String field = "purchase.lines[" + i + "]";
            if (line.getSku().isBlank()) {
                problems.add(new InputProblem(field + ".sku", "is required"));
            }
            if (line.getQuantity() <= 0) {
                problems.add(new InputProblem(field + ".quantity", "must be at least 1, was " + line.getQuantity()));
            }
            if (line.getAmount() == null) {
                problems.add(new InputProblem(field + ".amount", "is required (or give unitPrice)"));
                continue;
            }
            if (tooLarge(line.getAmount())) {
                problems.add(new InputProblem(field + ".amount", TOO_LARGE));
                continue;
            }
            if (line.getUnitPrice() != null && tooLarge(line.getUnitPrice())) {
                problems.add(new InputProblem(field + ".unitPrice", TOO_LARGE));
            }
            if (line.getAmount().signum() < 0) {
                problems.add(new InputProblem(field + ".amount", "must not be negative, was " + line.getAmount().toPlainString()));
            }
            if (line.getAmount().stripTrailingZeros().scale() > decimals) {
                problems.add(new InputProblem(field + ".amount", "has more than " + decimals + " decimals"));
            }
            sum = sum.add(line.getAmount());
        }
        if (!lines.isEmpty() && total != null && problems.isEmpty() && sum.compareTo(total) != 0) {
            problems.add(new InputProblem("purchase.total", "must equal the sum of the line amounts ("
                    + sum.toPlainString() + "), was " + total.toPlainString()));
        }
        return problems;
    }

    public static List<InputProblem> event(MemberEvent event) {
        if (!EVENT_TYPE.matcher(event.getType()).matches()) {
            return List.of(new InputProblem("event.type",
                    "must be upper-case letters, digits and underscores (e.g. SHARE), was `" + event.getType() + "`"));
        }
        return List.of();
    }

    public static List<InputProblem> item(CatalogItem item) {
        if (item.getBasePoints() < 0) {
            return List.of(new InputProblem("item.basePoints", "must not be negative"));
        }
        if (item.getCashPrice() != null && tooLarge(item.getCashPrice())) {
            return List.of(new InputProblem("item.cashPrice", TOO_LARGE));
        }
        if (item.getCashPrice() != null && item.getCashPrice().signum() < 0) {
            return List.of(new InputProblem("item.cashPrice", "must not be negative"));
        }
        return List.of();
    }
}
