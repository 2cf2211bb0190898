package io.jifen.admin.member;

import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.admin.webhook.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Moves a member between tiers and keeps the history: each change names its cause (PURCHASE for an
 * upgrade earned by a purchase, REVIEW for the period-end job, MANUAL), the rule and version that
 * decided it and why. A tier is held for the merchant's tier period, then reviewed again.
 */
@ApplicationScoped
public class TierChanges {
    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** What decided a change. */
    public record Decision(TierChangeCause cause, Long transactionId, Long ruleVersionId, String rule, String reason) {
    }

    /**
     * Puts the member (its row locked by the caller) in {@code to}, or, when that is its tier already,
     * starts a new holding period (retention). Returns true when the tier changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(long merchantId, String merchantCode, LedgerPolicy policy, long memberId, String externalId,
                         String from, String to, Decision decision, Instant now) {
        Instant reviewAt = ZonedDateTime.ofInstant(now, policy.zone()).plusMonths(policy.tierPeriodMonths()).toInstant();
        boolean changed = !to.equals(from);
        // in SET, `tier` is the old value: tier_since moves only when the tier does
        em.createNativeQuery("update member set tier = ?2, tier_review_at = ?3, updated_at = now(),"
                        + " tier_since = case when tier = ?2 and tier_since is not null then tier_since else ?4 end where id = ?1")
                .setParameter(1, memberId).setParameter(2, to).setParameter(3, reviewAt).setParameter(4, now)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
        em.createNativeQuery("""
                        insert into tier_change (merchant_id, member_id, from_tier, to_tier, cause, transaction_id,
                                                 rule_version_id, rule_name, reason, at)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as bigint), cast(?7 as bigint), cast(?8 as varchar), ?9, ?10)""")
                .setParameter(1, merchantId).setParameter(2, memberId).setParameter(3, from).setParameter(4, to)
                .setParameter(5, decision.cause().stored(changed))
                .setParameter(6, decision.transactionId()).setParameter(7, decision.ruleVersionId())
                .setParameter(8, decision.rule()).setParameter(9, decision.reason()).setParameter(10, now)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
        if (changed) {
            outbox.emit(merchantId, merchantCode, List.of(new DomainEvent.TierChanged(memberId, externalId, from, to,
                    decision.cause().name(), decision.rule(), decision.reason(), now.toString())));
        }
        return changed;
    }
}
