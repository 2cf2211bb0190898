package io.jifen.admin.transaction;

import jakarta.persistence.FlushModeType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.ledger.Ledger;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.member.MemberActivityQuery;
import io.jifen.admin.member.MemberService;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.facts.MemberActivity;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Posts a purchase or member event: evaluated on the merchant's active version, written in one
 * database transaction (the transaction row, its ledger entries, the new balance) or not at all.
 * Idempotent by (merchant, transaction id): a retry with the same payload gets the stored result, a
 * different payload under the same id gets 409. Postings of one member are serialised by a row lock.
 */
@ApplicationScoped
public class PostingService {
    @Inject
    MemberService members;

    @Inject
    MemberActivityQuery activities;

    @Inject
    RuleVersions versions;

    @Inject
    Ledger ledger;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    /** The response body, and whether it is the stored result of an earlier identical request. */
    public record Posting(String body, boolean replayed) {
    }

    @Transactional
    public Posting purchase(Merchant merchant, TransactionModels.PurchaseRequest r) {
        return post(merchant, r.transactionId(), r.memberId(), PayloadHash.of(r), "PURCHASE", null, r.total(),
                r.occurredAt(), (program, context) -> program.evaluatePurchase(context, EvaluationInputs.purchase(merchant, r)));
    }

    @Transactional
    public Posting event(Merchant merchant, TransactionModels.EventRequest r) {
        return post(merchant, r.transactionId(), r.memberId(), PayloadHash.of(r), "EVENT", r.type(), null,
                r.occurredAt(), (program, context) -> program.evaluateEvent(context, EvaluationInputs.event(merchant, r)));
    }

    private Posting post(Merchant merchant, String transactionId, String memberId, String hash, String kind,
                         String eventType, BigDecimal amount, Instant occurredAt,
                         BiFunction<CompiledProgram, EvaluationContext, Evaluation<EarningOutcome>> evaluate) {
        long start = System.nanoTime();
        LoyaltyMember member = members.lockedForTransaction(merchant, memberId);
        // checked under the member's lock: a concurrent duplicate for this member waited on it and now
        // sees the committed original (a duplicate naming another member is caught by the insert below)
        Optional<Earlier> earlier = earlier(merchant.id, transactionId);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash, kind, start);
        }
        ActiveProgram active = versions.requireActive(merchant);
        ZoneId zone = ZoneId.of(merchant.timeZone);
        MemberActivity activity = activities.before(member.id, occurredAt, zone);
        EvaluationContext context = EvaluationInputs.context(merchant, member, activity);
        EarningOutcome outcome = EvaluationInputs.completed(timer("jifen.evaluations", kind, "evaluated")
                .record(() -> evaluate.apply(active.program(), context)));
        String body = write(Results.of(transactionId, kind, member.externalId, occurredAt, active.version().number,
                outcome, member.balance + outcome.totalPoints(), true));

        List<?> inserted = em.createNativeQuery("""
                        insert into loyalty_transaction (merchant_id, external_id, kind, event_type, member_id, amount,
                            occurred_at, payload_hash, rule_version_id, total_points, result, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, now())
                        on conflict (merchant_id, external_id) do nothing
                        returning id""")
                .setParameter(1, merchant.id).setParameter(2, transactionId).setParameter(3, kind)
                .setParameter(4, eventType).setParameter(5, member.id).setParameter(6, amount)
                .setParameter(7, occurredAt).setParameter(8, hash).setParameter(9, active.version().id)
                .setParameter(10, outcome.totalPoints()).setParameter(11, body)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        if (inserted.isEmpty()) {
            // the same id was posted at the same moment for another member: theirs stands
            return replay(earlier(merchant.id, transactionId).orElseThrow(), hash, kind, start);
        }
        ledger.earn(member, ((Number) inserted.get(0)).longValue(), active.version().id, outcome.awards());
        record(kind, "posted", start);
        return new Posting(body, false);
    }

    /** What an earlier posting of this id left: enough to answer a retry, without loading the entity. */
    private record Earlier(String externalId, String payloadHash, String result) {
    }

    /*
     * The native queries of the posting path run with FlushModeType.COMMIT: none of them reads what
     * this transaction changed in the persistence context, and Hibernate would otherwise flush (and
     * dirty-check) the whole session before each one.
     */
    private Optional<Earlier> earlier(long merchantId, String transactionId) {
        List<?> rows = em.createNativeQuery(
                        "select payload_hash, result from loyalty_transaction where merchant_id = ?1 and external_id = ?2")
                .setParameter(1, merchantId).setParameter(2, transactionId)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Earlier(transactionId, (String) row[0], (String) row[1]));
    }

    private Posting replay(Earlier earlier, String hash, String kind, long start) {
        if (!earlier.payloadHash().equals(hash)) {
            record(kind, "conflict", start);
            throw ProblemException.conflict("transaction-id-reused", "transaction `" + earlier.externalId()
                    + "` was already posted with a different payload; use a new transaction id");
        }
        record(kind, "replayed", start);
        return new Posting(earlier.result(), true);
    }

    private void record(String kind, String outcome, long start) {
        timer("jifen.postings", kind, outcome).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Timers are looked up once per name, kind and outcome, not on every request. */
    private final java.util.concurrent.ConcurrentHashMap<String, io.micrometer.core.instrument.Timer> timers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private io.micrometer.core.instrument.Timer timer(String name, String kind, String outcome) {
        return timers.computeIfAbsent(name + '|' + kind + '|' + outcome, k -> "jifen.evaluations".equals(name)
                ? metrics.timer(name, "kind", kind) : metrics.timer(name, "kind", kind, "outcome", outcome));
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a result", e);
        }
    }
}
