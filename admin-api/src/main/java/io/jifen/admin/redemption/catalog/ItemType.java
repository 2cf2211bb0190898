package io.jifen.admin.redemption.catalog;

/**
 * What a mall item is, which decides how an order of it is fulfilled: shipped (PHYSICAL), a code from
 * a pool or generated (VIRTUAL, COUPON), a booking code (SERVICE) or a draw (LOTTERY). Stored by name
 * in {@code mall_item.type}.
 */
public enum ItemType {
    PHYSICAL, VIRTUAL, SERVICE, COUPON, LOTTERY;

    /** The request's pattern: annotation values must be constants, ItemTypeTest holds it to the names. */
    public static final String PATTERN = "PHYSICAL|VIRTUAL|SERVICE|COUPON|LOTTERY";

    /** Whether redeeming it issues a code: virtual goods and coupons (pooled or generated), services (a booking code). */
    public boolean issuesCode() {
        return this == VIRTUAL || this == COUPON || this == SERVICE;
    }

    /** Whether its codes may come from an uploaded pool (else they are generated, or there are none). */
    public boolean takesCodeSource() {
        return this == VIRTUAL || this == COUPON;
    }
}
