package io.jifen.admin.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity every posting reads is answered from the index on (member, occurred_at) alone: adding a
 * column to the query that the index does not hold would send PostgreSQL to one table page per
 * transaction of the member's history again (BENCHMARKS.md, section 4).
 */
@QuarkusTest
class ActivityReadPlanTest {
    @Inject
    EntityManager em;

    @Test
    void theActivityOfAMemberIsSummedFromTheIndexAlone() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            // the test tables are small enough for a sequential scan; ask for the plan a long history gets
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
            Query explain = em.createNativeQuery("explain " + MemberActivityQuery.ACTIVITY_SQL);
            MemberActivityQuery.bindActivity(explain, 0, 1L, Instant.parse("2026-03-05T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
            @SuppressWarnings("unchecked")
            List<String> lines = explain.getResultList();
            return lines;
        });

        List<String> scans = plan.stream().filter(line -> line.contains(" on loyalty_transaction")).toList();
        assertThat(scans).as(String.join("\n", plan)).hasSize(2)
                .allMatch(line -> line.contains("Index Only Scan using loyalty_transaction_by_member"));
    }
}
