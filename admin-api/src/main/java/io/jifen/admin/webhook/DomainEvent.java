package io.jifen.admin.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * Something that happened to a member's points, as merchants' systems receive it: one record per
 * event shape, its components being the payload's fields in order ({@link EventJson} writes them
 * after {@code type} and {@code merchant}). {@link #memberRowId} is the member row the outbox files
 * the event under; it is not part of the payload.
 */
public sealed interface DomainEvent {
    String POINTS_EARNED = "points.earned";
    String POINTS_REDEEMED = "points.redeemed";
    String POINTS_EXPIRED = "points.expired";
    String POINTS_REVERSED = "points.reversed";
    String POINTS_RESTORED = "points.restored";
    String POINTS_ADJUSTED = "points.adjusted";
    String POINTS_TRANSFERRED = "points.transferred";
    String TIER_CHANGED = "tier.changed";
    String THRESHOLD_CROSSED = "balance.threshold-crossed";
    String REDEMPTION_STATUS_CHANGED = "redemption.status-changed";
    String CAMPAIGN_STARTED = "campaign.started";
    String CAMPAIGN_ENDED = "campaign.ended";
    String CAMPAIGN_BUDGET_WARNING = "campaign.budget-warning";
    String CAMPAIGN_BUDGET_EXHAUSTED = "campaign.budget-exhausted";

    /** Every type, the values a webhook may subscribe to. */
    List<String> TYPES = List.of(POINTS_EARNED, POINTS_REDEEMED, POINTS_EXPIRED, POINTS_REVERSED,
            POINTS_RESTORED, POINTS_ADJUSTED, POINTS_TRANSFERRED, TIER_CHANGED, THRESHOLD_CROSSED, REDEMPTION_STATUS_CHANGED,
            CAMPAIGN_STARTED, CAMPAIGN_ENDED, CAMPAIGN_BUDGET_WARNING, CAMPAIGN_BUDGET_EXHAUSTED);

    /** The event's type, one of {@link #TYPES}. */
    @JsonIgnore
    String type();

    /** The member row the event belongs to (see {@link #aboutAMember}). */
    @JsonIgnore
    long memberRowId();

    /** False for a merchant's own events (a campaign's), which the outbox files under no member. */
    @JsonIgnore
    default boolean aboutAMember() {
        return true;
    }

    /** A purchase, event or a redemption's points back put points on the account ({@code pending}: held). */
    record PointsEarned(@JsonIgnore long memberRowId, String memberId, String transactionId, long points, boolean pending,
                        long balance, int ruleVersion) implements DomainEvent {
        public String type() {
            return POINTS_EARNED;
        }
    }

    /** The balance passed a threshold the merchant watches, on its way up. */
    record ThresholdCrossed(@JsonIgnore long memberRowId, String memberId, long threshold, long balance)
            implements DomainEvent {
        public String type() {
            return THRESHOLD_CROSSED;
        }
    }

    /** An operator's adjustment, up or down. */
    record PointsAdjusted(@JsonIgnore long memberRowId, String memberId, String adjustmentId, long points, long balance,
                          String reason) implements DomainEvent {
        public String type() {
            return POINTS_ADJUSTED;
        }
    }

    /** Points spent through the debit API (an integrator's own redemption). */
    record PointsDebited(@JsonIgnore long memberRowId, String memberId, String debitId, long points, long balance,
                         String reason) implements DomainEvent {
        public String type() {
            return POINTS_REDEEMED;
        }
    }

    /** Points spent in the points mall ({@code cash}: the cash part of a points-plus-cash price). */
    record PointsRedeemedInMall(@JsonIgnore long memberRowId, String memberId, String redemptionId, String sku,
                                long points, BigDecimal cash, long balance, String reason) implements DomainEvent {
        public String type() {
            return POINTS_REDEEMED;
        }
    }

    /** A cancelled debit gave its points back to their lots; those expired meanwhile stay expired. */
    record DebitRestored(@JsonIgnore long memberRowId, String memberId, String debitId, long points,
                         long expiredMeanwhile, long balance) implements DomainEvent {
        public String type() {
            return POINTS_RESTORED;
        }
    }

    /** A cancelled or returned redemption gave its points back to their lots. */
    record RedemptionRestored(@JsonIgnore long memberRowId, String memberId, String redemptionId, long points,
                              long expiredMeanwhile, long balance) implements DomainEvent {
        public String type() {
            return POINTS_RESTORED;
        }
    }

    /** Points moved between two members; filed under the sender. */
    record PointsTransferred(@JsonIgnore long memberRowId, String transferId, String fromMemberId, String toMemberId,
                             long points, long fromBalance, long toBalance) implements DomainEvent {
        public String type() {
            return POINTS_TRANSFERRED;
        }
    }

    /** A refund took points back; {@code shortfall}: what could not be taken (TAKE_AVAILABLE). */
    record PointsReversed(@JsonIgnore long memberRowId, String memberId, String refundId, String purchaseId, long points,
                          long shortfall, long balance) implements DomainEvent {
        public String type() {
            return POINTS_REVERSED;
        }
    }

    /** Lots reached their expiry: the member's points expired in one run, summed. */
    record PointsExpired(@JsonIgnore long memberRowId, String memberId, long points, long balance) implements DomainEvent {
        public String type() {
            return POINTS_EXPIRED;
        }
    }

    /** The member's tier changed ({@code at}: ISO-8601 instant). */
    record TierChanged(@JsonIgnore long memberRowId, String memberId, String from, String to, String cause, String rule,
                       String reason, String at) implements DomainEvent {
        public String type() {
            return TIER_CHANGED;
        }
    }

    /**
     * A redemption order moved from one status to another ({@code from} is empty for a new order);
     * a shipment names its carrier and tracking number.
     */
    record RedemptionStatusChanged(@JsonIgnore long memberRowId, String memberId, String redemptionId, String sku,
                                   String from, String to,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String carrier,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String trackingNumber)
            implements DomainEvent {
        public String type() {
            return REDEMPTION_STATUS_CHANGED;
        }
    }

    /**
     * A campaign's window opened, or closed ({@code ended}); {@code at}: ISO-8601 instant of the window's
     * edge. Filed under no member.
     */
    record CampaignWindow(String campaign, String name, boolean ended, String at, long awarded, long participants)
            implements DomainEvent {
        public String type() {
            return ended ? CAMPAIGN_ENDED : CAMPAIGN_STARTED;
        }

        public long memberRowId() {
            return 0;
        }

        public boolean aboutAMember() {
            return false;
        }
    }

    /**
     * A campaign's total budget reached 80 % ({@code exhausted} false) or its end: the posting that got there
     * ({@code transactionId}) is the member's, the event is the merchant's and filed under no member.
     */
    record CampaignBudget(String campaign, boolean exhausted, long budget, long awarded, String transactionId)
            implements DomainEvent {
        public String type() {
            return exhausted ? CAMPAIGN_BUDGET_EXHAUSTED : CAMPAIGN_BUDGET_WARNING;
        }

        public long memberRowId() {
            return 0;
        }

        public boolean aboutAMember() {
            return false;
        }
    }
}
