package io.jifen.engine.facts;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of a purchase. {@code amount} is what the member paid for the line. */
public final class LineItem {
    private final String sku;
    private final String category;
    private final int quantity;
    private final BigDecimal unitPrice;
    private final BigDecimal amount;

    public LineItem(String sku, String category, int quantity, BigDecimal unitPrice, BigDecimal amount) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.category = category == null ? "" : category;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.amount = amount != null ? amount
                : unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public String getSku() { return sku; }
    public String getCategory() { return category; }
    public int getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getAmount() { return amount; }

    @Override
    public String toString() {
        return "LineItem[" + sku + " " + category + " x" + quantity + " = " + amount + "]";
    }
}
