package io.jifen.admin.transaction;

import io.jifen.admin.shared.IdempotentAnswer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.ledger.EarningPlan;
import io.jifen.admin.shared.PayloadHash;
import io.jifen.admin.ledger.Ledger;
import io.jifen.admin.ledger.Operations;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.ledger.Thresholds;
import io.jifen.admin.member.TierChanges;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.admin.webhook.Outbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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
import io.jifen.admin.shared.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * Concurrent postings share database transactions through {@link PostingBatcher} (group commit).
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
    MeterRegistry metrics;

    @Inject
    java.time.Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Operations operations;

    @Inject
    TierChanges tiers;

    @Inject
    PostingBatcher batcher;

    public IdempotentAnswer purchase(Merchant merchant, TransactionModels.PurchaseRequest r) {
        return batcher.post(posting(merchant, r));
    }

    public IdempotentAnswer event(Merchant merchant, TransactionModels.EventRequest r) {
        return batcher.post(posting(merchant, r));
    }

    PostingBatcher.Posting posting(Merchant merchant, TransactionModels.PurchaseRequest r) {
        // the canonical JSON is both hashed (idempotency) and kept (refunds re-evaluate it)
        PayloadHash.Canonical request = PayloadHash.canonical(r);
        return new PostingBatcher.Posting(merchant.id, r.memberId(), locked -> attempt(merchant, locked, r.transactionId(),
                r.memberId(), request.hash(), "PURCHASE", null, r.total(), r.occurredAt(), request.json(),
                (program, context) -> program.evaluatePurchase(context, EvaluationInputs.purchase(merchant, r))));
    }

    PostingBatcher.Posting posting(Merchant merchant, TransactionModels.EventRequest r) {
        // kept like a purchase's: an impact simulation re-evaluates the event on another version
        PayloadHash.Canonical request = PayloadHash.canonical(r);
        return new PostingBatcher.Posting(merchant.id, r.memberId(), locked -> attempt(merchant, locked, r.transactionId(),
                r.memberId(), request.hash(), "EVENT", r.type(), null, r.occurredAt(), request.json(),
                (program, context) -> program.evaluateEvent(context, EvaluationInputs.event(merchant, r))));
    }

    /**
     * One posting inside the caller's transaction (alone, or one of a batch): its answer, or its
     * refusal and whether it had written (enrolled the member) before being refused.
     */
    private PostingBatcher.Attempt attempt(Merchant merchant, LoyaltyMember lockedByBatch, String transactionId, String memberId,
                                           String hash, String kind,
                                           String eventType, BigDecimal amount, Instant occurredAt, String payload,
                                           BiFunction<CompiledProgram, EvaluationContext, Evaluation<EarningOutcome>> evaluate) {
        long start = System.nanoTime();
        MemberService.Locked locked;
        try {
            locked = lockedByBatch != null ? new MemberService.Locked(lockedByBatch, false)
                    : members.lockedForTransaction(merchant, memberId);
        } catch (ProblemException unknownMember) {
            return new PostingBatcher.Attempt.Refused(unknownMember, false);
        }
        try {
            return new PostingBatcher.Attempt.Answered(post(merchant, locked.member(), transactionId, hash, kind, eventType,
                    amount, occurredAt, payload, evaluate, start));
        } catch (ProblemException refused) {
            return new PostingBatcher.Attempt.Refused(refused, locked.enrolled());
        }
    }

    private IdempotentAnswer post(Merchant merchant, LoyaltyMember member, String transactionId, String hash, String kind,
                         String eventType, BigDecimal amount, Instant occurredAt, String payload,
                         BiFunction<CompiledProgram, EvaluationContext, Evaluation<EarningOutcome>> evaluate, long start) {
        // checked under the member's lock: a concurrent duplicate for this member waited on it and now
        // sees the committed original (a duplicate naming another member is caught by the insert)
        Instant now = clock.instant();
        requireNotFuture(occurredAt, now);
        ZoneId zone = ZoneId.of(merchant.timeZone);
        LedgerPolicy policy = LedgerPolicy.of(merchant);
        MemberActivityQuery.PostingRead read = activities.forPosting(merchant.id, transactionId, now, member.id,
                occurredAt, zone, policy.dailyEarnCap() != null);
        if (read.earlierHash() != null) {
            return replay(transactionId, hash, kind, start, new Operations.Stored(read.earlierHash(), read.earlierResult()));
        }
        if (read.activeVersionId() == null) {
            throw RuleVersions.noActiveVersion(merchant);
        }
        ActiveProgram active = versions.program(read.activeVersionId());
        MemberActivity activity = read.activity();
        EvaluationContext context = EvaluationInputs.context(merchant, member, activity);
        EarningOutcome outcome = EvaluationInputs.completed(timer("jifen.evaluations", kind, "evaluated")
                .record(() -> evaluate.apply(active.program(), context)));
        boolean purchase = "PURCHASE".equals(kind);
        // the cap counts the whole day, also what was posted after this transaction's instant
        EarningPlan plan = EarningPlan.of(policy, member.balance, member.pending, read.earnedOnDay(), outcome, purchase,
                occurredAt, now);
        long balance = plan.held() ? member.balance : member.balance + plan.points();
        long pending = plan.held() ? member.pending + plan.points() : member.pending;
        String body = JsonText.write(json, Results.of(transactionId, kind, member.externalId, occurredAt, active.version().number,
                outcome, plan, balance, pending));
        List<DomainEvent> events = events(policy, member, transactionId, active, plan, balance);
        Optional<Long> posted = ledger.post(new Ledger.TransactionRow(merchant.id, transactionId, kind, eventType,
                        member.id, amount, occurredAt, hash, active.version().id, plan.points(), body,
                        payload, JsonText.write(json, StoredContext.of(context))),
                member.balance, member.pending, plan.awards(), plan.lot(), events.stream()
                        .map(e -> new Ledger.OutboxRow(e.type(), outbox.payload(merchant.code, e))).toList());
        if (posted.isEmpty()) {
            // the same id was posted at the same moment for another member: theirs stands
            return replay(transactionId, hash, kind, start, operations.stored(merchant.id, transactionId).orElseThrow());
        }
        // a purchase whose tier rules decide a higher tier upgrades at once; downgrades wait for the review
        outcome.tierDecision().filter(d -> policy.rank(d.targetTier()) > policy.rank(member.tier)).ifPresent(d ->
                tiers.apply(merchant.id, merchant.code, policy, member.id, member.externalId, member.tier, d.targetTier(),
                        new TierChanges.Decision("PURCHASE", posted.get(), active.version().id, d.rule(), d.reason()), now));
        record(kind, "posted", start);
        return new IdempotentAnswer(body, false);
    }

    /** How far ahead of the service's clock an integrator's clock may run. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** A transaction cannot have happened in the future (beyond clock skew): it would earn ahead of time. */
    static void requireNotFuture(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("occurredAt", "is in the future (" + occurredAt + "; the service's clock says "
                    + now + ")");
        }
    }

    /** The events a posting emits, written in the same statement as the posting. */
    private static List<DomainEvent> events(LedgerPolicy policy, LoyaltyMember member, String transactionId,
                                            ActiveProgram active, EarningPlan plan, long balance) {
        List<DomainEvent> events = new ArrayList<>();
        if (plan.points() > 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("memberId", member.externalId);
            data.put("transactionId", transactionId);
            data.put("points", plan.points());
            data.put("pending", plan.held());
            data.put("balance", balance);
            data.put("ruleVersion", active.version().number);
            events.add(new DomainEvent(DomainEvent.POINTS_EARNED, member.id, data));
        }
        if (!plan.held()) {
            events.addAll(Thresholds.crossed(policy, member.id, member.externalId, member.balance, balance));
        }
        return events;
    }

    /** The stored answer of an earlier posting of this id, or 409 when it had another payload. */
    private IdempotentAnswer replay(String transactionId, String hash, String kind, long start, Operations.Stored stored) {
        try {
            Operations.requireSamePayload(transactionId, stored.payloadHash(), hash);
        } catch (ProblemException conflict) {
            record(kind, "conflict", start);
            throw conflict;
        }
        record(kind, "replayed", start);
        return new IdempotentAnswer(stored.result(), true);
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

}
