package io.jifen.admin.member;

import io.jifen.admin.config.LedgerConfig;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.admin.shared.Attributes;
import io.jifen.admin.shared.Rows;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.evaluation.TierOutcome;
import io.jifen.engine.facts.Member;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Period-end tier reviews: when a member's tier period ends, the active version's tier rules decide
 * on the rolling 12-month spend — downgrade, retention (a new period) or upgrade — and the change
 * is recorded with its rule and reason. Members are taken in batches with FOR UPDATE SKIP LOCKED, so
 * instances share the work and each review happens once.
 */
@ApplicationScoped
public class TierReviews {
    /** A review that cannot decide (no active version, failing rules) is retried a day later. */
    static final Duration RETRY = Duration.ofDays(1);

    @Inject
    EntityManager em;

    @Inject
    RuleVersions versions;

    @Inject
    MemberActivityQuery activities;

    @Inject
    TierChanges tiers;

    @Inject
    LedgerConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "tier-reviews", every = "${jifen.ledger.jobs-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            reviewDue(clock.instant());
        } catch (RuntimeException e) {
            Log.warnf(e, "tier reviews: run failed, retrying at the next one");
        }
    }

    /** Reviews every member whose tier period has ended by {@code now}; returns how many were reviewed. */
    public int reviewDue(Instant now) {
        int reviewed = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> reviewBatch(now));
            if (batch == 0) {
                return reviewed;
            }
            reviewed += batch;
        }
    }

    private int reviewBatch(Instant now) {
        List<Tuple> due = Rows.tuples(em.createNativeQuery("""
                        select id, merchant_id, external_id, tier, status, enrolled_on, birthday,
                               cast(attributes as text) as attributes from member
                        where tier_review_at <= ?1 order by tier_review_at limit ?2 for update skip locked""", Tuple.class)
                .setParameter(1, now).setParameter(2, Math.min(config.batchSize(), 500))
                .setFlushMode(FlushModeType.COMMIT));
        for (Tuple m : due) {
            String externalId = Rows.string(m, "external_id");
            String tier = Rows.string(m, "tier");
            review(now, Rows.longValue(m, "id"), Rows.longValue(m, "merchant_id"), externalId, tier,
                    new Member(externalId, tier, Rows.string(m, "status"), Rows.date(m, "enrolled_on"),
                            Rows.date(m, "birthday"), Attributes.values(Rows.string(m, "attributes"))));
        }
        return due.size();
    }

    private void review(Instant now, long memberId, long merchantId, String externalId, String tier, Member snapshot) {
        Merchant merchant = Merchant.findById(merchantId);
        LedgerPolicy policy = LedgerPolicy.of(merchant);
        Long versionId = versions.activeVersionId(merchantId, now).orElse(null);
        if (versionId == null) {
            postpone(memberId, now, "no active rule version");
            return;
        }
        ActiveProgram program = versions.program(versionId);
        ZoneId zone = ZoneId.of(merchant.timeZone);
        EvaluationContext context = new EvaluationContext(zone, new ProgramPolicy(RoundingMode.valueOf(merchant.rounding),
                ProgramPolicy.MultiplierStacking.valueOf(merchant.stacking)), snapshot,
                activities.before(memberId, now, zone));
        Evaluation<TierOutcome> outcome = program.program().evaluateTier(context, now);
        if (!(outcome instanceof Evaluation.Completed<TierOutcome> completed)) {
            postpone(memberId, now, outcome.toString());
            return;
        }
        if (completed.value().decision().isPresent()) {
            var decision = completed.value().decision().get();
            tiers.apply(merchantId, merchant.code, policy, memberId, externalId, tier, decision.targetTier(),
                    new TierChanges.Decision(TierChangeCause.REVIEW, null, versionId, decision.rule(), decision.reason()), now);
        } else if (!policy.tierOrder().isEmpty()) {
            // the member qualifies for no tier the rules name: the lowest tier of the merchant's order
            tiers.apply(merchantId, merchant.code, policy, memberId, externalId, tier, policy.tierOrder().get(0),
                    new TierChanges.Decision(TierChangeCause.REVIEW, null, versionId, null, "no tier rule qualified the member at"
                            + " the end of the tier period: the lowest tier"), now);
        } else {
            postpone(memberId, now, "no tier rule decided and the merchant names no tiers");
        }
    }

    private void postpone(long memberId, Instant now, String why) {
        Log.warnf("tier review of member %d postponed by %s: %s", memberId, RETRY, why);
        em.createNativeQuery("update member set tier_review_at = ?2 where id = ?1").setParameter(1, memberId)
                .setParameter(2, now.plus(RETRY)).setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }
}
