package io.jifen.admin.redemption.order;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.redemption.catalog.ItemType;

import java.util.Objects;

/**
 * A redemption order's status and the moves it allows, in one place: a move is a method that checks
 * where the order is and refuses, with the 409 the API documents, a move it does not allow; the
 * service asks the order instead of comparing statuses itself (docs/mall.md, "Orders").
 * <pre>
 * PHYSICAL:        PENDING_SHIPMENT → SHIPPED → DELIVERED; CANCELLED before shipping, RETURNED after
 * VIRTUAL, COUPON,
 * SERVICE:         ISSUED → CANCELLED
 * LOTTERY:         DRAWN, final
 * </pre>
 * Immutable: a move answers the order as it is after it. {@code carrier} and {@code trackingNumber}
 * are the recorded shipment's, so that the same shipment sent again is recognised.
 */
public record RedemptionOrder(String redemptionId, ItemType type, OrderStatus status, String carrier,
                              String trackingNumber) {

    public RedemptionOrder {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }

    /** A new order of an item of this type: shipped later, handed out now, or drawn now. */
    public static RedemptionOrder placed(String redemptionId, ItemType type) {
        OrderStatus status = switch (type) {
            case PHYSICAL -> OrderStatus.PENDING_SHIPMENT;
            case LOTTERY -> OrderStatus.DRAWN;
            case VIRTUAL, COUPON, SERVICE -> OrderStatus.ISSUED;
        };
        return new RedemptionOrder(redemptionId, type, status, null, null);
    }

    /**
     * PENDING_SHIPMENT → SHIPPED with this carrier and tracking number. The same shipment again (the
     * order SHIPPED or DELIVERED with them) is not a move: the order comes back unchanged.
     */
    public RedemptionOrder ship(String carrier, String trackingNumber) {
        requirePhysical();
        if (status.shipped() && Objects.equals(carrier, this.carrier) && Objects.equals(trackingNumber, this.trackingNumber)) {
            return this;
        }
        require(OrderStatus.PENDING_SHIPMENT, "ship");
        return new RedemptionOrder(redemptionId, type, OrderStatus.SHIPPED, carrier, trackingNumber);
    }

    /** SHIPPED → DELIVERED; a delivered order delivered again comes back unchanged. */
    public RedemptionOrder deliver() {
        requirePhysical();
        if (status == OrderStatus.DELIVERED) {
            return this;
        }
        require(OrderStatus.SHIPPED, "deliver");
        return with(OrderStatus.DELIVERED);
    }

    /**
     * Takes the order back: CANCELLED before it shipped, RETURNED after. An order is cancelled once
     * (409 already-cancelled), and a lottery draw is final (409 not-cancellable).
     */
    public RedemptionOrder cancel() {
        if (status.closed()) {
            throw ProblemException.of(ProblemType.ALREADY_CANCELLED, "redemption `" + redemptionId + "` is "
                    + status + " already");
        }
        if (type == ItemType.LOTTERY) {
            throw ProblemException.of(ProblemType.NOT_CANCELLABLE, "redemption `" + redemptionId
                    + "` is a lottery draw: draws are final");
        }
        return with(status.shipped() ? OrderStatus.RETURNED : OrderStatus.CANCELLED);
    }

    private RedemptionOrder with(OrderStatus next) {
        return new RedemptionOrder(redemptionId, type, next, carrier, trackingNumber);
    }

    private void requirePhysical() {
        if (type != ItemType.PHYSICAL) {
            throw ProblemException.of(ProblemType.INVALID_STATUS, "redemption of a " + type
                    + " item is not shipped (only PHYSICAL items are)");
        }
    }

    private void require(OrderStatus expected, String action) {
        if (status != expected) {
            throw ProblemException.of(ProblemType.INVALID_STATUS, "cannot " + action + " a redemption that is "
                    + status + " (it must be " + expected + ")");
        }
    }
}
