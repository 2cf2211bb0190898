package io.jifen.engine.scenario;

import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the parts of a suite into the engine's facts; shared by the runner and by tools checking other implementations. */
public final class ScenarioFacts {
    private ScenarioFacts() {
    }

    /** The member, activity, policy and time zone a scenario is evaluated in. */
    public static EvaluationContext context(Suite suite, Suite.Scenario scenario) {
        return new EvaluationContext(ZoneId.of(suite.zone() == null ? "UTC" : suite.zone()), policy(suite.policy()),
                member(scenario.given()), activity(scenario.given()));
    }

    public static ProgramPolicy policy(Suite.PolicySpec spec) {
        if (spec == null) {
            return ProgramPolicy.DEFAULT;
        }
        return new ProgramPolicy(
                spec.rounding() == null ? RoundingMode.DOWN : RoundingMode.valueOf(spec.rounding()),
                spec.stacking() == null ? ProgramPolicy.MultiplierStacking.ADDITIVE
                        : ProgramPolicy.MultiplierStacking.valueOf(spec.stacking()));
    }

    public static Member member(Suite.Given given) {
        Suite.MemberSpec m = given == null ? null : given.member();
        if (m == null) {
            return new Member("member-1", "", Member.ACTIVE, null, null, Map.of());
        }
        return new Member(m.id() == null ? "member-1" : m.id(), m.tier(), m.status(),
                m.enrolledOn() == null ? LocalDate.of(2025, 1, 1) : m.enrolledOn(), m.birthday(), m.attributes());
    }

    public static MemberActivity activity(Suite.Given given) {
        Suite.ActivitySpec a = given == null ? null : given.activity();
        if (a == null) {
            return MemberActivity.none();
        }
        return new MemberActivity(a.rolling12MonthSpend(), a.spendThisYear(),
                a.pointsEarnedToday() == null ? 0 : a.pointsEarnedToday(),
                a.pointsEarnedThisMonth() == null ? 0 : a.pointsEarnedThisMonth(), a.eventsToday(), a.eventsThisMonth());
    }

    public static Purchase purchase(Suite.PurchaseSpec p, ZoneId zone) {
        List<LineItem> lines = new ArrayList<>();
        if (p.lines() != null) {
            for (Suite.LineSpec l : p.lines()) {
                int quantity = l.quantity() == null ? 1 : l.quantity();
                BigDecimal amount = l.amount() != null ? l.amount()
                        : l.unitPrice() == null ? null : l.unitPrice().multiply(BigDecimal.valueOf(quantity));
                lines.add(new LineItem(l.sku() == null ? "" : l.sku(), l.category(), quantity, l.unitPrice(), amount));
            }
        }
        return new Purchase(p.id() == null ? "purchase-1" : p.id(), instant(p.at(), zone), zone, p.channel(),
                p.store(), p.total(), p.currency() == null ? "CNY" : p.currency(), lines);
    }

    /** Merchant-local "2026-03-10T09:30" or an instant with an offset "2026-03-10T01:30:00Z". */
    public static Instant instant(String at, ZoneId zone) {
        if (at == null) {
            throw new IllegalArgumentException("every `when` needs `at`");
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException notOffset) {
            return LocalDateTime.parse(at).atZone(zone).toInstant();
        }
    }
}
