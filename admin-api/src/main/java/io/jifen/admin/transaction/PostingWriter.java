package io.jifen.admin.transaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.campaign.CampaignBudgets;
import io.jifen.admin.campaign.CampaignGate;
import io.jifen.admin.ledger.Account;
import io.jifen.admin.ledger.EarningPlan;
import io.jifen.admin.ledger.Ledger;
import io.jifen.admin.ledger.OperationCommand;
import io.jifen.admin.ledger.Operations;
import io.jifen.admin.ledger.Thresholds;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.member.MemberActivityQuery;
import io.jifen.admin.member.MemberService;
import io.jifen.admin.member.TierChangeCause;
import io.jifen.admin.member.TierChanges;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.admin.shared.IdempotentAnswer;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.StatementPart;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.EvaluationContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes one posting inside the caller's transaction (alone, or one of a batch) through the
 * idempotent-operation template: the member locked, its activity and any earlier answer read under
 * the lock in one round trip, the evaluation, and one statement writing it all.
 */
@ApplicationScoped
public class PostingWriter {
    /** How far ahead of the service's clock an integrator's clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    MemberService members;

    @Inject
    MemberActivityQuery activities;

    @Inject
    RuleVersions versions;

    @Inject
    Ledger ledger;

    @Inject
    Operations operations;

    @Inject
    TierChanges tiers;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    CampaignBudgets campaigns;

    /** What one posting did inside a transaction: answered, or refused (with whether it wrote before refusing). */
    public sealed interface Attempt {
        record Answered(IdempotentAnswer answer) implements Attempt {
        }

        record Refused(ProblemException problem, boolean wrote) implements Attempt {
        }
    }

    /** The member as locked, and what the posting read under the lock. */
    private record Locked(LoyaltyMember member, LedgerPolicy policy, MemberActivityQuery.PostingRead read, Instant now) {
    }

    /**
     * One posting: {@code lockedByBatch} is its member when the batch has locked and read it already
     * (null: lock it here, enrolling it when the merchant enrols automatically).
     */
    public Attempt attempt(PostingCommand command, LoyaltyMember lockedByBatch) {
        long start = System.nanoTime();
        MemberService.Locked locked;
        try {
            locked = lockedByBatch != null ? new MemberService.Locked(lockedByBatch, false)
                    : members.lockedForTransaction(command.merchant(), command.memberId());
        } catch (ProblemException unknownMember) {
            return new Attempt.Refused(unknownMember, false);
        }
        try {
            IdempotentAnswer answer = operations.run(
                    new OperationCommand(command.merchant(), command.transactionId(), command.kind(), command.request(), null),
                    () -> read(command, locked.member()),
                    state -> Optional.ofNullable(state.read().earlierHash())
                            .map(hash -> new Operations.Stored(hash, state.read().earlierResult())),
                    state -> write(command, state));
            record(command, answer.replayed() ? "replayed" : "posted", start);
            return new Attempt.Answered(answer);
        } catch (ProblemException refused) {
            if (refused.is(ProblemType.TRANSACTION_ID_REUSED)) {
                record(command, "conflict", start);
            }
            return new Attempt.Refused(refused, locked.enrolled());
        }
    }

    /** The activity the rules see and any earlier answer of this id, in one read under the member's lock. */
    private Locked read(PostingCommand command, LoyaltyMember member) {
        Instant now = clock.instant();
        requireNotFuture(command.occurredAt(), now);
        Merchant merchant = command.merchant();
        LedgerPolicy policy = LedgerPolicy.of(merchant);
        return new Locked(member, policy, activities.forPosting(merchant.id, command.transactionId(), now, member.id,
                command.occurredAt(), policy.zone(), policy.dailyEarnCap() != null), now);
    }

    private Operations.Written write(PostingCommand command, Locked state) {
        Merchant merchant = command.merchant();
        LoyaltyMember member = state.member();
        MemberActivityQuery.PostingRead read = state.read();
        if (read.activeVersionId() == null) {
            throw RuleVersions.noActiveVersion(merchant);
        }
        LedgerPolicy policy = state.policy();
        ActiveProgram active = versions.program(read.activeVersionId());
        EvaluationContext context = EvaluationInputs.context(merchant, member, read.activity());
        EarningOutcome outcome = EvaluationInputs.completed(timer("jifen.evaluations", command, "evaluated")
                .record(() -> command.evaluator().evaluate(active.program(), context)));
        Campaigned campaigned = campaigned(merchant, member, context.member().getAttributes(), policy, outcome, command);
        CampaignGate.Gated gated = campaigned.gated();
        // the cap counts the whole day, also what was posted after this transaction's instant
        EarningPlan plan = EarningPlan.of(policy, member.balance, member.pending, read.earnedOnDay(), gated.awards(),
                gated.total(), command.kind().holdable(), command.occurredAt(), state.now());
        Map<String, Long> charges = gated.afterCaps(Math.max(0, gated.total()) - plan.points());
        Account account = Account.ofLockedMember(member.id, merchant.id, member.externalId, member.status, member.tier,
                member.balance, member.pending);
        account.earn(plan.awards(), plan.held(), active.version().id);
        String body = JsonText.write(json, Results.of(command.transactionId(), command.kind().name(), member.externalId,
                command.occurredAt(), active.version().number, outcome, plan, account.balance(), account.pending()));
        List<DomainEvent> events = new ArrayList<>();
        if (plan.points() > 0) {
            events.add(new DomainEvent.PointsEarned(member.id, member.externalId, command.transactionId(), plan.points(),
                    plan.held(), account.balance(), active.version().number));
        }
        events.addAll(Thresholds.crossed(policy, account));
        StatementPart alongside = StatementPart.NONE;
        if (campaigned.read() != null) {
            events.addAll(campaigned.read().events(charges, command.transactionId()));
            alongside = campaigned.read().charge(charges);
        }
        Optional<Long> posted = ledger.post(new Ledger.TransactionRow(merchant.id, command.transactionId(), command.kind(),
                command.eventType(), member.id, command.amount(), command.occurredAt(), command.request().hash(),
                active.version().id, plan.points(), body, command.request().json(),
                JsonText.write(json, StoredContext.of(context))), account, plan.lot(), merchant.code, events, alongside);
        if (posted.isEmpty()) {
            // the same id was posted at the same moment for another member: theirs stands
            return new Operations.Written.IdTaken();
        }
        // a purchase whose tier rules decide a higher tier upgrades at once; downgrades wait for the review
        outcome.tierDecision().filter(d -> policy.rank(d.targetTier()) > policy.rank(member.tier)).ifPresent(d ->
                tiers.apply(merchant.id, merchant.code, policy, member.id, member.externalId, member.tier, d.targetTier(),
                        new TierChanges.Decision(TierChangeCause.PURCHASE, posted.get(), active.version().id, d.rule(), d.reason()),
                        state.now()));
        return new Operations.Written.Answered(body);
    }

    /** The awards once their campaigns have had their say, and the campaigns' terms as read (null: none named). */
    private record Campaigned(CampaignGate.Gated gated, CampaignBudgets.Read read) {
    }

    private Campaigned campaigned(Merchant merchant, LoyaltyMember member, Map<String, String> attributes,
                                 LedgerPolicy policy, EarningOutcome outcome, PostingCommand command) {
        List<String> codes = CampaignGate.campaignsOf(outcome.awards());
        if (codes.isEmpty()) {
            return new Campaigned(CampaignGate.apply(outcome.awards(), outcome.totalPoints(), Map.of()), null);
        }
        CampaignBudgets.Read read = campaigns.read(merchant.id, policy.zone(), new CampaignBudgets.Participant(member.id,
                member.externalId, member.tier, member.enrolledOn, attributes), codes, command.occurredAt(),
                policy.localDate(command.occurredAt()));
        return new Campaigned(CampaignGate.apply(outcome.awards(), outcome.totalPoints(), read.terms()), read);
    }

    /** A transaction cannot have happened in the future (beyond clock skew): it would earn ahead of time. */
    static void requireNotFuture(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("occurredAt", "is in the future (" + occurredAt + "; the service's clock says "
                    + now + ")");
        }
    }

    private void record(PostingCommand command, String outcome, long start) {
        timer("jifen.postings", command, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** Timers are looked up once per name, kind and outcome, not on every request. */
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    private Timer timer(String name, PostingCommand command, String outcome) {
        String kind = command.kind().name();
        return timers.computeIfAbsent(name + '|' + kind + '|' + outcome, k -> "jifen.evaluations".equals(name)
                ? metrics.timer(name, "kind", kind) : metrics.timer(name, "kind", kind, "outcome", outcome));
    }
}
