package io.jifen.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.MemberEvent;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A purchase or a member event as the service's API takes it ({@code POST …/purchases}, {@code POST …/events}:
 * the same fields, docs/api.md), and, since there is no service to look the member up, optionally the
 * member and the member's activity as the rules should see them (the keys of a suite's {@code given}).
 * A body with {@code type} is an event, any other a purchase.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransactionBody(String transactionId, String memberId, Instant occurredAt, String channel, String store,
                       String currency, BigDecimal total, List<Line> lines, String type, Map<String, String> attributes,
                       MemberSnapshot member, Activity activity) {

    record Line(String sku, String category, Integer quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** The member as the rules see it; every field optional (no tier, ACTIVE, enrolled 2025-01-01). */
    record MemberSnapshot(String tier, String status, LocalDate enrolledOn, LocalDate birthday,
                          Map<String, String> attributes) {
    }

    /** The member's history before the transaction; every field optional (0, none). */
    record Activity(BigDecimal rolling12MonthSpend, BigDecimal spendThisYear, Long pointsEarnedToday,
                    Long pointsEarnedThisMonth, Map<String, Integer> eventsToday, Map<String, Integer> eventsThisMonth) {
    }

    boolean event() {
        return type != null;
    }

    /** What is missing for the engine to evaluate it, in the API's field names (empty when nothing is). */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (transactionId == null || transactionId.isBlank()) {
            missing.add("transactionId");
        }
        if (memberId == null || memberId.isBlank()) {
            missing.add("memberId");
        }
        if (occurredAt == null) {
            missing.add("occurredAt");
        }
        if (!event() && total == null) {
            missing.add("total");
        }
        return missing;
    }

    Purchase purchase(ZoneId zone, String merchantCurrency) {
        List<LineItem> items = lines == null ? List.of() : lines.stream().map(l -> {
            int quantity = l.quantity() == null ? 1 : l.quantity();
            BigDecimal amount = l.amount() != null ? l.amount()
                    : l.unitPrice() == null ? null : l.unitPrice().multiply(BigDecimal.valueOf(quantity));
            return new LineItem(l.sku(), l.category(), quantity, l.unitPrice(), amount);
        }).toList();
        return new Purchase(transactionId, occurredAt, zone, channel, store, total,
                currency == null ? merchantCurrency : currency, items);
    }

    MemberEvent memberEvent(ZoneId zone) {
        return new MemberEvent(transactionId, type, occurredAt, zone, attributes);
    }

    Member memberFact() {
        MemberSnapshot m = member == null ? new MemberSnapshot(null, null, null, null, null) : member;
        return new Member(memberId, m.tier() == null ? "" : m.tier(), m.status() == null ? Member.ACTIVE : m.status(),
                m.enrolledOn() == null ? LocalDate.of(2025, 1, 1) : m.enrolledOn(), m.birthday(),
                m.attributes() == null ? Map.of() : m.attributes());
    }

    String tier() {
        return member == null || member.tier() == null ? "" : member.tier();
    }

    /** The activity as given (zero when none is), the context {@code try} evaluates in. */
    EvaluationContext context(ZoneId zone, ProgramPolicy policy) {
        Activity a = activity == null ? new Activity(null, null, null, null, null, null) : activity;
        return new EvaluationContext(zone, policy, memberFact(), new MemberActivity(a.rolling12MonthSpend(),
                a.spendThisYear(), a.pointsEarnedToday() == null ? 0 : a.pointsEarnedToday(),
                a.pointsEarnedThisMonth() == null ? 0 : a.pointsEarnedThisMonth(), a.eventsToday(), a.eventsThisMonth()));
    }
}
