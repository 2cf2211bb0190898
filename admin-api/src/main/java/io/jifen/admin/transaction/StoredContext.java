package io.jifen.admin.transaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a purchase or event was evaluated with, stored beside it: a refund re-evaluates the remaining
 * purchase on the same member snapshot, history and policy, so only the refunded part changes the
 * result; an impact simulation re-evaluates it on another version (events keep theirs since V14).
 * {@code attributes}: the member's attributes when it was posted (absent from contexts stored before V19:
 * read as none; not written when the member has none).
 */
public record StoredContext(String zone, String rounding, String stacking, String memberId, String tier, String status,
                     LocalDate enrolledOn, LocalDate birthday, BigDecimal rolling12MonthSpend, BigDecimal spendThisYear,
                     long pointsEarnedToday, long pointsEarnedThisMonth, Map<String, Integer> eventsToday,
                     Map<String, Integer> eventsThisMonth,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> attributes) {

    static StoredContext of(EvaluationContext c) {
        Member m = c.member();
        MemberActivity a = c.activity();
        return new StoredContext(c.zone().getId(), c.policy().rounding().name(), c.policy().stacking().name(),
                m.getId(), m.getTier(), m.getStatus(), m.getEnrolledOn(), m.getBirthday(), a.getRolling12MonthSpend(),
                a.getSpendThisYear(), a.getPointsEarnedToday(), a.getPointsEarnedThisMonth(), a.getEventsToday(),
                a.getEventsThisMonth(), m.getAttributes());
    }

    /** The member's attributes when it was posted (none for a context stored before they were kept). */
    public Map<String, String> memberAttributes() {
        return attributes == null ? Map.of() : attributes;
    }

    /** The context as it was posted. */
    public EvaluationContext context() {
        return contextWith(pointsEarnedToday, pointsEarnedThisMonth);
    }

    /**
     * The context as it was posted, with other totals of the points earned earlier that day and month:
     * what a simulation gives a version whose earlier awards differ from those posted.
     */
    public EvaluationContext contextWith(long earnedToday, long earnedThisMonth) {
        return new EvaluationContext(ZoneId.of(zone), new ProgramPolicy(RoundingMode.valueOf(rounding),
                ProgramPolicy.MultiplierStacking.valueOf(stacking)),
                new Member(memberId, tier, status, enrolledOn, birthday, memberAttributes()),
                new MemberActivity(rolling12MonthSpend, spendThisYear, earnedToday, earnedThisMonth,
                        eventsToday, eventsThisMonth));
    }
}
