package io.jifen.admin.transaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.shared.JsonText;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context stored beside a posting keeps the member's attributes as they were, with the service's own JSON
 * mapper; a context stored before attributes were kept reads as a member without any.
 */
@QuarkusTest
class StoredContextKeepsTheMembersAttributesTest {
    @Inject
    ObjectMapper json;

    @Test
    void theAttributesAMemberWasPostedWithComeBackWithTheContext() {
        EvaluationContext posted = new EvaluationContext(ZoneId.of("Asia/Shanghai"), ProgramPolicy.DEFAULT,
                new Member("lin", "GOLD", Member.ACTIVE, LocalDate.of(2025, 1, 1), null,
                        Map.of("city", "Shanghai", "school", "Fudan")), MemberActivity.none());

        String stored = JsonText.write(json, StoredContext.of(posted));
        Member member = JsonText.read(json, stored, StoredContext.class).context().member();

        assertThat(member.getAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of("city", "Shanghai", "school", "Fudan"));
        assertThat(member.attribute("city")).isEqualTo("Shanghai");
    }

    @Test
    void aContextStoredBeforeAttributesWereKeptReadsAsAMemberWithoutAny() {
        String beforeV19 = """
                {"zone":"Asia/Shanghai","rounding":"DOWN","stacking":"ADDITIVE","memberId":"lin","tier":"GOLD",
                 "status":"ACTIVE","enrolledOn":"2025-01-01","birthday":null,"rolling12MonthSpend":0,"spendThisYear":0,
                 "pointsEarnedToday":0,"pointsEarnedThisMonth":0,"eventsToday":{},"eventsThisMonth":{}}""";

        StoredContext context = JsonText.read(json, beforeV19, StoredContext.class);

        assertThat(context.memberAttributes()).isEmpty();
        assertThat(context.context().member().attribute("city")).isEmpty();
        assertThat(context.context().member().getTier()).isEqualTo("GOLD");
    }

    @Test
    void aMemberWithoutAttributesStoresNone() {
        EvaluationContext posted = new EvaluationContext(ZoneId.of("Asia/Shanghai"), ProgramPolicy.DEFAULT,
                new Member("lin", "GOLD", Member.ACTIVE, null, null, Map.of()), MemberActivity.none());

        assertThat(JsonText.write(json, StoredContext.of(posted))).doesNotContain("attributes");
    }
}
