package io.jifen.admin.redemption.order;

/**
 * Where a redemption order is (docs/mall.md, "Orders"). Which moves are allowed is
 * {@link RedemptionOrder}'s to say. Stored by name in {@code redemption_order.status}.
 */
public enum OrderStatus {
    /** A code or a booking was handed out (VIRTUAL, COUPON, SERVICE). */
    ISSUED,
    /** A PHYSICAL item waiting to be shipped. */
    PENDING_SHIPMENT,
    SHIPPED,
    DELIVERED,
    /** A LOTTERY draw: final. */
    DRAWN,
    /** Cancelled before it shipped. */
    CANCELLED,
    /** Taken back after it shipped. */
    RETURNED;

    /** Whether the order is over: its points and stock went back. */
    public boolean closed() {
        return this == CANCELLED || this == RETURNED;
    }

    /** Whether the item has left the merchant: taking it back is a return, not a cancellation. */
    public boolean shipped() {
        return this == SHIPPED || this == DELIVERED;
    }
}
