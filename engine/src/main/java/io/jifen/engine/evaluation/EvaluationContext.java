package io.jifen.engine.evaluation;

import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;

import java.time.ZoneId;
import java.util.Objects;

/** Who is evaluated, under which policy, in which time zone. */
public record EvaluationContext(ZoneId zone, ProgramPolicy policy, Member member, MemberActivity activity) {
    public EvaluationContext {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(member, "member");
        policy = policy == null ? ProgramPolicy.DEFAULT : policy;
        activity = activity == null ? MemberActivity.none() : activity;
    }
}
