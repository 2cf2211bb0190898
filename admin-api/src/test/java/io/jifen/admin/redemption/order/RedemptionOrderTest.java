package io.jifen.admin.redemption.order;

import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.redemption.catalog.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static io.jifen.admin.redemption.order.OrderStatus.CANCELLED;
import static io.jifen.admin.redemption.order.OrderStatus.DELIVERED;
import static io.jifen.admin.redemption.order.OrderStatus.DRAWN;
import static io.jifen.admin.redemption.order.OrderStatus.ISSUED;
import static io.jifen.admin.redemption.order.OrderStatus.PENDING_SHIPMENT;
import static io.jifen.admin.redemption.order.OrderStatus.RETURNED;
import static io.jifen.admin.redemption.order.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

/** Every move a redemption order allows, and every one it refuses with the problem the API answers. */
class RedemptionOrderTest {

    private static RedemptionOrder order(ItemType type, OrderStatus status) {
        return new RedemptionOrder("r-1", type, status, status.shipped() ? "SF" : null, status.shipped() ? "T1" : null);
    }

    /** The problem a refused move answers with: type URI suffix and detail. */
    private static Problem refusal(Runnable move) {
        try {
            move.run();
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(409);
            return e.toProblem(null);
        }
        throw new AssertionError("the move was allowed");
    }

    @Test
    void aNewOrderStartsWhereItsItemTypeSays() {
        assertThat(RedemptionOrder.placed("r-1", ItemType.PHYSICAL).status()).isEqualTo(PENDING_SHIPMENT);
        assertThat(RedemptionOrder.placed("r-1", ItemType.LOTTERY).status()).isEqualTo(DRAWN);
        assertThat(RedemptionOrder.placed("r-1", ItemType.VIRTUAL).status()).isEqualTo(ISSUED);
        assertThat(RedemptionOrder.placed("r-1", ItemType.COUPON).status()).isEqualTo(ISSUED);
        assertThat(RedemptionOrder.placed("r-1", ItemType.SERVICE).status()).isEqualTo(ISSUED);
    }

    @Test
    void aPendingShipmentShipsWithItsCarrierAndTrackingNumber() {
        RedemptionOrder shipped = order(ItemType.PHYSICAL, PENDING_SHIPMENT).ship("SF", "T1");
        assertThat(shipped).isEqualTo(new RedemptionOrder("r-1", ItemType.PHYSICAL, SHIPPED, "SF", "T1"));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "DELIVERED"})
    void theSameShipmentAgainChangesNothing(OrderStatus status) {
        RedemptionOrder order = order(ItemType.PHYSICAL, status);
        assertThat(order.ship("SF", "T1")).isSameAs(order);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "DELIVERED", "CANCELLED", "RETURNED"})
    void anotherShipmentOfAnOrderNotPendingShipmentIsRefused(OrderStatus status) {
        Problem p = refusal(() -> order(ItemType.PHYSICAL, status).ship("SF", "OTHER"));
        assertThat(p.type()).isEqualTo("https://jifen.io/problems/invalid-status");
        assertThat(p.detail()).isEqualTo("cannot ship a redemption that is " + status + " (it must be PENDING_SHIPMENT)");
    }

    @Test
    void aShippedOrderIsDelivered() {
        assertThat(order(ItemType.PHYSICAL, SHIPPED).deliver())
                .isEqualTo(new RedemptionOrder("r-1", ItemType.PHYSICAL, DELIVERED, "SF", "T1"));
    }

    @Test
    void aDeliveredOrderDeliveredAgainChangesNothing() {
        RedemptionOrder order = order(ItemType.PHYSICAL, DELIVERED);
        assertThat(order.deliver()).isSameAs(order);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING_SHIPMENT", "CANCELLED", "RETURNED"})
    void deliveringAnOrderNotShippedIsRefused(OrderStatus status) {
        Problem p = refusal(() -> order(ItemType.PHYSICAL, status).deliver());
        assertThat(p.type()).isEqualTo("https://jifen.io/problems/invalid-status");
        assertThat(p.detail()).isEqualTo("cannot deliver a redemption that is " + status + " (it must be SHIPPED)");
    }

    @ParameterizedTest
    @EnumSource(value = ItemType.class, names = "PHYSICAL", mode = EnumSource.Mode.EXCLUDE)
    void onlyPhysicalItemsAreShippedOrDelivered(ItemType type) {
        RedemptionOrder order = RedemptionOrder.placed("r-1", type);
        for (Runnable move : new Runnable[] {() -> order.ship("SF", "T1"), order::deliver}) {
            Problem p = refusal(move);
            assertThat(p.type()).isEqualTo("https://jifen.io/problems/invalid-status");
            assertThat(p.detail()).isEqualTo("redemption of a " + type + " item is not shipped (only PHYSICAL items are)");
        }
    }

    @Test
    void anOrderNotShippedIsCancelledAndAShippedOneReturned() {
        assertThat(order(ItemType.PHYSICAL, PENDING_SHIPMENT).cancel().status()).isEqualTo(CANCELLED);
        assertThat(order(ItemType.PHYSICAL, SHIPPED).cancel().status()).isEqualTo(RETURNED);
        assertThat(order(ItemType.PHYSICAL, DELIVERED).cancel().status()).isEqualTo(RETURNED);
        for (ItemType type : EnumSet.of(ItemType.VIRTUAL, ItemType.COUPON, ItemType.SERVICE)) {
            assertThat(order(type, ISSUED).cancel().status()).as(type.name()).isEqualTo(CANCELLED);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"CANCELLED", "RETURNED"})
    void aClosedOrderIsNotCancelledTwice(OrderStatus status) {
        for (ItemType type : ItemType.values()) {
            Problem p = refusal(() -> order(type, status).cancel());
            assertThat(p.type()).isEqualTo("https://jifen.io/problems/already-cancelled");
            assertThat(p.detail()).isEqualTo("redemption `r-1` is " + status + " already");
        }
    }

    @Test
    void aLotteryDrawIsFinal() {
        Problem p = refusal(() -> order(ItemType.LOTTERY, DRAWN).cancel());
        assertThat(p.type()).isEqualTo("https://jifen.io/problems/not-cancellable");
        assertThat(p.detail()).isEqualTo("redemption `r-1` is a lottery draw: draws are final");
    }

    @Test
    void closedAndShippedNameTheRightStatuses() {
        Set<OrderStatus> closed = EnumSet.noneOf(OrderStatus.class);
        Set<OrderStatus> shipped = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            if (s.closed()) {
                closed.add(s);
            }
            if (s.shipped()) {
                shipped.add(s);
            }
        }
        assertThat(closed).containsExactlyInAnyOrder(CANCELLED, RETURNED);
        assertThat(shipped).containsExactlyInAnyOrder(SHIPPED, DELIVERED);
    }
}
