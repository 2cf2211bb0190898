package io.jifen.engine.facts;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** A points-mall item as the pricing rules see it. {@code type} is PHYSICAL, VIRTUAL, SERVICE, COUPON or LOTTERY. */
public final class CatalogItem {
    private final String sku;
    private final String type;
    private final String category;
    private final long basePoints;
    private final BigDecimal cashPrice;
    private final Map<String, String> attributes;

    public CatalogItem(String sku, String type, String category, long basePoints, BigDecimal cashPrice,
                       Map<String, String> attributes) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.type = type == null ? "" : type;
        this.category = category == null ? "" : category;
        this.basePoints = basePoints;
        this.cashPrice = cashPrice;
        this.attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    public String getSku() { return sku; }
    public String getType() { return type; }
    public String getCategory() { return category; }
    public long getBasePoints() { return basePoints; }
    /** Optional cash part of the base price; null when the item is priced in points only. */
    public BigDecimal getCashPrice() { return cashPrice; }
    public Map<String, String> getAttributes() { return attributes; }

    public String attribute(String name) { return attributes.getOrDefault(name, ""); }

    @Override
    public String toString() {
        return "CatalogItem[" + sku + " " + type + " " + basePoints + " points]";
    }
}
