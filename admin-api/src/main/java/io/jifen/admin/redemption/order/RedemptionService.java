package io.jifen.admin.redemption.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.ledger.Account;
import io.jifen.admin.ledger.Accounts;
import io.jifen.admin.ledger.EntryKind;
import io.jifen.admin.ledger.Ledger;
import io.jifen.admin.ledger.OperationCommand;
import io.jifen.admin.ledger.Operations;
import io.jifen.admin.ledger.Thresholds;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.redemption.catalog.CatalogService;
import io.jifen.admin.redemption.catalog.ItemType;
import io.jifen.admin.redemption.catalog.MallItem;
import io.jifen.admin.redemption.pricing.Pricing;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.IdempotentAnswer;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.Rows;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.admin.webhook.Outbox;
import io.jifen.engine.evaluation.PriceQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Redemption orders: one database transaction each, under one lock order (docs/mall.md) — the member
 * row first, then the order row, then the item row (stock), then a code or prize row — so no two
 * operations can wait on each other in a cycle.
 * <ul>
 * <li>redeem: lock the member; replay an earlier identical request; check member, item, tier, window,
 * per-member limit; price the item on the active rules; check the balance; spend the points expiring
 * first; take one unit of stock with a conditional update; create the order; issue its code or draw
 * the lottery.</li>
 * <li>cancel (or return): lock the member, then the order; give the points back to their lots; put the
 * unit back in stock; void the code.</li>
 * <li>ship, deliver: lock the order; no points move.</li>
 * </ul>
 */
@ApplicationScoped
public class RedemptionService {
    @Inject
    Accounts accounts;

    @Inject
    Operations operations;

    @Inject
    RuleVersions versions;

    @Inject
    Pricing pricing;

    @Inject
    Codes codes;

    @Inject
    Lottery lottery;

    @Inject
    Orders orders;

    @Inject
    Outbox outbox;

    @Inject
    CallerContext caller;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Transactional
    public IdempotentAnswer redeem(Merchant merchant, String memberId, RedemptionModels.RedemptionRequest r) {
        // 1. the member's row lock: serialises everything that moves this member's points
        OperationCommand command = OperationCommand.of(merchant, r.redemptionId(), TransactionKind.REDEMPTION,
                List.of(memberId, r), caller.caller().keyId());
        return operations.run(command, () -> accounts.lockOrNotFound(merchant.id, memberId),
                account -> redeem(merchant, memberId, r, command, account));
    }

    private Operations.Done redeem(Merchant merchant, String memberId, RedemptionModels.RedemptionRequest r,
                                   OperationCommand command, Account account) {
        account.requireNotFrozen("redeem");
        Instant now = clock.instant();
        MallItem item = CatalogService.require(merchant, r.sku());
        em.detach(item);
        String unavailable = unavailable(item, account.tier(), now);
        if (unavailable != null) {
            throw ProblemException.of(ProblemType.ITEM_NOT_AVAILABLE, "item `" + item.sku + "` " + unavailable);
        }
        checkAddress(item, r);
        if (item.stock != null && item.stock <= 0) {
            throw outOfStock(item);
        }
        if (item.perMemberLimit != null && redeemedBy(account.memberId(), item.id) >= item.perMemberLimit) {
            throw ProblemException.of(ProblemType.LIMIT_REACHED, "member `" + memberId + "` has redeemed item `" + item.sku
                    + "` " + item.perMemberLimit + " time(s), its per-member limit");
        }
        // 2. the price: quoted now, inside this transaction, on the version active now
        ActiveProgram program = versions.activeAt(merchant, now).orElseThrow(() -> RuleVersions.noActiveVersion(merchant));
        LoyaltyMember member = em.find(LoyaltyMember.class, account.memberId());
        em.detach(member);
        PriceQuote quote = pricing.quote(merchant, program, member, item, now);
        Pricing.Payment payment = Pricing.payment(quote, r.paymentOption());
        if (r.expectedCash() != null && r.expectedCash().compareTo(payment.cash()) != 0) {
            throw ProblemException.of(ProblemType.PRICE_CHANGED, "item `" + item.sku + "` costs " + payment.cash()
                    + " in cash now (payment option " + payment.option() + "), not the expected " + r.expectedCash()
                    + "; quote again and confirm the new price");
        }
        if (r.expectedPoints() != null && r.expectedPoints() != payment.points()) {
            throw ProblemException.of(ProblemType.PRICE_CHANGED, "item `" + item.sku + "` costs " + payment.points()
                    + " points now (payment option " + payment.option() + "), not the expected " + r.expectedPoints()
                    + "; quote again and confirm the new price");
        }
        account.requireSpendable(payment.points(), "for item `" + item.sku + "`");
        // 3. the writes: the transaction row (idempotency), the points, the stock, the order, its code or draw
        String reason = "redeemed " + item.name + " (" + item.sku + ")";
        long transactionId = ledger.open(command.row(account.memberId(), null, null, program.version().id, null, now,
                JsonText.write(json, r), reason));
        accounts.spend(account, transactionId, payment.points(), EntryKind.DEBIT, reason);
        // points back (reward-phase rules, e.g. double points back during a campaign): a lot of this redemption
        long pointsBack = Pricing.pointsBack(quote, payment);
        if (pointsBack > 0) {
            LedgerPolicy policy = LedgerPolicy.of(merchant);
            LocalDate today = policy.localDate(now);
            List<Accounts.Award> awards = pointsBackAwards(quote, pointsBack);
            accounts.creditAwards(account, transactionId, awards, program.version().id, today, policy.expiresAt(today), now);
        }
        if (item.stock != null) {
            takeStock(item);
        }
        OrderStatus status = RedemptionOrder.placed(r.redemptionId(), item.type).status();
        long orderId = ((Number) em.createNativeQuery("""
                        insert into redemption_order (merchant_id, external_id, member_id, item_id, transaction_id,
                            rule_version_id, status, points, cash, payment_option, discounts, shipping_address, created_at, updated_at,
                            points_back)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14) returning id""")
                .setParameter(1, merchant.id).setParameter(2, r.redemptionId()).setParameter(3, account.memberId())
                .setParameter(4, item.id).setParameter(5, transactionId).setParameter(6, program.version().id)
                .setParameter(7, status.name()).setParameter(8, payment.points()).setParameter(9, payment.cash())
                .setParameter(10, payment.option())
                .setParameter(11, payment.option() == 0 ? JsonText.write(json, Pricing.discounts(quote)) : "[]")
                .setParameter(12, r.shippingAddress() == null ? null : JsonText.write(json, r.shippingAddress()))
                .setParameter(13, now).setParameter(14, pointsBack).setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
        if (item.issuesCode()) {
            String code = codes.issue(item, orderId, now);
            em.createNativeQuery("update redemption_order set code = ?2 where id = ?1").setParameter(1, orderId)
                    .setParameter(2, code).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        }
        if (item.type == ItemType.LOTTERY) {
            lottery.draw(merchant.id, item.id, account.memberId(), orderId, now);
        }
        List<DomainEvent> events = new ArrayList<>();
        if (payment.points() > 0) {
            events.add(new DomainEvent.PointsRedeemedInMall(account.memberId(), memberId, r.redemptionId(), item.sku,
                    payment.points(), payment.cash(), account.balance(), reason));
        }
        if (pointsBack > 0) {
            events.add(new DomainEvent.PointsEarned(account.memberId(), memberId, r.redemptionId(), pointsBack, false,
                    account.balance(), program.version().number));
        }
        events.add(statusChanged(account.memberId(), memberId, r.redemptionId(), item.sku, null, status, null, null));
        return new Operations.Done(transactionId, orders.byId(orderId).withBalance(account.balance()),
                pointsBack - payment.points(), 0, events, List.of(account));
    }

    /**
     * Cancels an order before it ships (CANCELLED) or takes it back after (RETURNED): the points go back
     * to the lots they came from, keeping their expiry (points whose lot expired meanwhile stay expired),
     * the unit goes back in stock, an issued code is voided. Idempotent by {@code cancellationId}; an
     * order is cancelled once. Lottery draws are final.
     */
    @Transactional
    public IdempotentAnswer cancel(Merchant merchant, String redemptionId, RedemptionModels.Cancellation r) {
        OrderRow unlocked = orderRow(merchant, redemptionId, false);
        OperationCommand command = OperationCommand.of(merchant, r.cancellationId(), TransactionKind.REDEMPTION_CANCEL,
                List.of(redemptionId, r), caller.caller().keyId());
        // lock order: the member first, then the order
        return operations.run(command, () -> accounts.lock(merchant.id, unlocked.memberExternalId()),
                account -> cancel(merchant, redemptionId, r, command, account));
    }

    private Operations.Done cancel(Merchant merchant, String redemptionId, RedemptionModels.Cancellation r,
                                   OperationCommand command, Account account) {
        OrderRow order = orderRow(merchant, redemptionId, true);
        OrderStatus to = order.order().cancel().status();
        String done = to.name().toLowerCase(); // "cancelled" or "returned", for the ledger's reasons
        Instant now = clock.instant();
        long cancellation = ledger.open(command.row(account.memberId(), null, order.transactionId(), null, null, now,
                JsonText.write(json, r), r.reason()));
        Accounts.Restored restored = accounts.restore(account, cancellation, order.transactionId(), EntryKind.RESTORE,
                r.reason() + " (redemption " + redemptionId + " " + done + ")", now);
        // the points given back by this redemption go too (those that expired meanwhile stay expired): from
        // their own lot, else from the member's other points; what cannot be taken follows the refund policy
        long backDue = order.pointsBack() - expiredOfOwnLots(order.transactionId());
        Accounts.TakenBack back = accounts.takeBack(account, cancellation, order.transactionId(), backDue,
                "points back of redemption " + redemptionId + " " + done, null,
                LedgerPolicy.of(merchant).shortfall());
        long backReversed = back.points();
        long backShortfall = back.shortfall();
        em.createNativeQuery("update mall_item set stock = stock + 1, updated_at = now() where id = ?1 and stock is not null")
                .setParameter(1, order.itemId()).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        codes.voidCodes(order.id(), now);
        em.createNativeQuery("""
                        update redemption_order set status = ?2, cancelled_at = ?3, cancel_transaction_id = ?4, cancel_reason = ?5,
                            points_restored = ?6, expired_meanwhile = ?7, points_back_reversed = ?8, updated_at = ?3 where id = ?1""")
                .setParameter(1, order.id()).setParameter(2, to.name()).setParameter(3, now).setParameter(4, cancellation)
                .setParameter(5, r.reason()).setParameter(6, restored.points()).setParameter(7, restored.expiredMeanwhile())
                .setParameter(8, backReversed)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
        List<DomainEvent> events = new ArrayList<>();
        events.add(new DomainEvent.RedemptionRestored(account.memberId(), order.memberExternalId(), redemptionId,
                restored.points(), restored.expiredMeanwhile(), account.balance()));
        events.add(statusChanged(account.memberId(), order.memberExternalId(), redemptionId, order.sku(), order.status(),
                to, null, null));
        events.addAll(Thresholds.crossed(LedgerPolicy.of(merchant), account));
        return new Operations.Done(cancellation, orders.byId(order.id()).withBalance(account.balance()),
                restored.points() - restored.settledShortfall() - backReversed, backShortfall, events, List.of(account));
    }

    /** Points of the lots a transaction created that expired before they could be taken back. */
    private long expiredOfOwnLots(long transactionId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(expired), 0) from point_lot where transaction_id = ?1")
                .setParameter(1, transactionId).setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    /** The points back split over the rules that gave them (their shares as quoted, scaled to the option paid). */
    private static List<Accounts.Award> pointsBackAwards(PriceQuote quote, long total) {
        List<Accounts.Award> awards = new ArrayList<>();
        long quoted = quote.totalPointsBack();
        long given = 0;
        for (int i = 0; i < quote.pointsBack().size(); i++) {
            var b = quote.pointsBack().get(i);
            long share = i == quote.pointsBack().size() - 1 ? total - given
                    : quoted == 0 ? 0 : Math.min(total - given, b.points() * total / quoted);
            if (share > 0) {
                awards.add(new Accounts.Award(b.rule(), b.family(), share, b.reason()));
            }
            given += share;
        }
        return awards;
    }

    /** PENDING_SHIPMENT → SHIPPED with carrier and tracking number; the same shipment again changes nothing. */
    @Transactional
    public RedemptionModels.OrderView ship(Merchant merchant, String redemptionId, RedemptionModels.Shipment s) {
        OrderRow order = orderRow(merchant, redemptionId, true);
        RedemptionOrder shipped = order.order().ship(s.carrier(), s.trackingNumber());
        if (shipped.equals(order.order())) {
            return orders.byId(order.id());
        }
        Instant now = clock.instant();
        em.createNativeQuery("update redemption_order set status = ?5, carrier = ?2, tracking_number = ?3,"
                        + " shipped_at = ?4, updated_at = ?4 where id = ?1")
                .setParameter(1, order.id()).setParameter(2, s.carrier()).setParameter(3, s.trackingNumber())
                .setParameter(4, now).setParameter(5, shipped.status().name())
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
        outbox.emit(merchant.id, merchant.code, List.of(statusChanged(order.memberId(), order.memberExternalId(),
                redemptionId, order.sku(), order.status(), shipped.status(), s.carrier(), s.trackingNumber())));
        return orders.byId(order.id());
    }

    /** SHIPPED → DELIVERED; delivering a delivered order again changes nothing. */
    @Transactional
    public RedemptionModels.OrderView deliver(Merchant merchant, String redemptionId) {
        OrderRow order = orderRow(merchant, redemptionId, true);
        RedemptionOrder delivered = order.order().deliver();
        if (delivered.equals(order.order())) {
            return orders.byId(order.id());
        }
        Instant now = clock.instant();
        em.createNativeQuery("update redemption_order set status = ?3, delivered_at = ?2, updated_at = ?2"
                        + " where id = ?1").setParameter(1, order.id()).setParameter(2, now)
                .setParameter(3, delivered.status().name()).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        outbox.emit(merchant.id, merchant.code, List.of(statusChanged(order.memberId(), order.memberExternalId(),
                redemptionId, order.sku(), order.status(), delivered.status(), null, null)));
        return orders.byId(order.id());
    }

    /** Why the member cannot redeem the item now (inactive, outside its window, another tier), or null. */
    public static String unavailable(MallItem item, String tier, Instant now) {
        if (!item.active) {
            return "is not active";
        }
        if (!item.availableAt(now)) {
            return "is available " + (item.availableFrom == null ? "" : "from " + item.availableFrom + " ")
                    + (item.availableUntil == null ? "" : "until " + item.availableUntil) + ", not now";
        }
        if (!item.allowsTier(tier)) {
            return "is for tiers " + String.join(", ", item.tiers()) + " only (the member is "
                    + (tier == null || tier.isEmpty() ? "in no tier" : tier) + ")";
        }
        return null;
    }

    /** How many of the item the member holds: orders not cancelled or returned (lottery draws count). */
    public long redeemedBy(long memberId, long itemId) {
        return ((Number) em.createNativeQuery("select count(*) from redemption_order where member_id = ?1 and item_id = ?2"
                        + " and cancelled_at is null").setParameter(1, memberId).setParameter(2, itemId)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    private void takeStock(MallItem item) {
        // waits for concurrent takers of this item, then re-checks stock > 0 on the row they committed
        int taken = em.createNativeQuery("update mall_item set stock = stock - 1 where id = ?1 and stock > 0")
                .setParameter(1, item.id).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        if (taken == 0) {
            throw outOfStock(item);
        }
    }

    private static ProblemException outOfStock(MallItem item) {
        return ProblemException.of(ProblemType.OUT_OF_STOCK, "item `" + item.sku + "` is out of stock");
    }

    private static void checkAddress(MallItem item, RedemptionModels.RedemptionRequest r) {
        if (item.type == ItemType.PHYSICAL && r.shippingAddress() == null) {
            throw ProblemException.invalidField("shippingAddress", "is required for PHYSICAL items");
        }
        if (item.type != ItemType.PHYSICAL && r.shippingAddress() != null) {
            throw ProblemException.invalidField("shippingAddress", "applies to PHYSICAL items only (item `"
                    + item.sku + "` is " + item.type + ")");
        }
    }

    private record OrderRow(long id, long memberId, String memberExternalId, long itemId, String sku, String redemptionId,
                            ItemType type, OrderStatus status, String carrier, String trackingNumber, long transactionId,
                            long pointsBack) {
        RedemptionOrder order() {
            return new RedemptionOrder(redemptionId, type, status, carrier, trackingNumber);
        }
    }

    private OrderRow orderRow(Merchant merchant, String redemptionId, boolean lock) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("""
                        select o.id, o.member_id, m.external_id as member_external_id, o.item_id, i.sku, i.type, o.status,
                               o.carrier, o.tracking_number, o.transaction_id, o.points_back
                        from redemption_order o join member m on m.id = o.member_id join mall_item i on i.id = o.item_id
                        where o.merchant_id = ?1 and o.external_id = ?2""" + (lock ? " for update of o" : ""), Tuple.class)
                .setParameter(1, merchant.id).setParameter(2, redemptionId).setFlushMode(FlushModeType.COMMIT));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("redemption `" + redemptionId + "`");
        }
        Tuple r = rows.get(0);
        return new OrderRow(Rows.longValue(r, "id"), Rows.longValue(r, "member_id"), Rows.string(r, "member_external_id"),
                Rows.longValue(r, "item_id"), Rows.string(r, "sku"), redemptionId,
                Rows.enumValue(r, "type", ItemType.class), Rows.enumValue(r, "status", OrderStatus.class),
                Rows.string(r, "carrier"), Rows.string(r, "tracking_number"), Rows.longValue(r, "transaction_id"),
                Rows.longValue(r, "points_back"));
    }

    private static DomainEvent statusChanged(long memberId, String memberExternalId, String redemptionId, String sku,
                                             OrderStatus from, OrderStatus to, String carrier, String trackingNumber) {
        return new DomainEvent.RedemptionStatusChanged(memberId, memberExternalId, redemptionId, sku,
                from == null ? "" : from.name(), to.name(), carrier, trackingNumber);
    }

}
