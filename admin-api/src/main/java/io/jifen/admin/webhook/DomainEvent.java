package io.jifen.admin.webhook;

import java.util.List;
import java.util.Map;

/**
 * Something that happened to a member's points, as merchants' systems receive it. Types:
 * {@code points.earned}, {@code points.redeemed}, {@code points.expired}, {@code points.reversed},
 * {@code points.restored}, {@code points.adjusted}, {@code points.transferred}, {@code tier.changed},
 * {@code balance.threshold-crossed}, {@code redemption.status-changed}. {@code data} holds the type's own fields.
 */
public record DomainEvent(String type, long memberId, Map<String, Object> data) {
    public static final String POINTS_EARNED = "points.earned";
    public static final String POINTS_REDEEMED = "points.redeemed";
    public static final String POINTS_EXPIRED = "points.expired";
    public static final String POINTS_REVERSED = "points.reversed";
    public static final String POINTS_RESTORED = "points.restored";
    public static final String POINTS_ADJUSTED = "points.adjusted";
    public static final String POINTS_TRANSFERRED = "points.transferred";
    public static final String TIER_CHANGED = "tier.changed";
    public static final String THRESHOLD_CROSSED = "balance.threshold-crossed";
    public static final String REDEMPTION_STATUS_CHANGED = "redemption.status-changed";

    /** An event's fields from name-value pairs, in the order given. */
    public static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    /** Every type, the values a webhook may subscribe to. */
    public static final List<String> TYPES = List.of(POINTS_EARNED, POINTS_REDEEMED, POINTS_EXPIRED, POINTS_REVERSED,
            POINTS_RESTORED, POINTS_ADJUSTED, POINTS_TRANSFERRED, TIER_CHANGED, THRESHOLD_CROSSED, REDEMPTION_STATUS_CHANGED);
}
