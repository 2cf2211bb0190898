package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.engine.WhenBusy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which program a merchant's evaluation runs on. Resolved once per request, from the activation
 * table every instance shares: an evaluation that started on a version finishes on it, whatever is
 * activated meanwhile.
 */
@ApplicationScoped
public class RuleVersions {
    @Inject
    ProgramRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Versions are immutable rows: each is read from the database once. */
    private final ConcurrentHashMap<Long, RuleVersion> versionsById = new ConcurrentHashMap<>();

    public Optional<ActiveProgram> activeAt(Merchant merchant, Instant at) {
        return activeVersionId(merchant.id, at).map(this::program);
    }

    /**
     * The one definition of "live": the version of the latest non-cancelled activation at or before
     * {@code at}. One light query, as it runs on every posting.
     */
    public Optional<Long> activeVersionId(long merchantId, Instant at) {
        List<?> ids = em.createNativeQuery(ACTIVE_VERSION_SQL).setParameter(1, merchantId).setParameter(2, at)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    /** A stored version by number, drafts included, or 404. */
    public static RuleVersion require(Merchant merchant, int number) {
        return RuleVersion.of(merchant.id, number)
                .orElseThrow(() -> ProblemException.notFound("rule version " + number + " of `" + merchant.code + "`"));
    }

    /** The program of a stored version known by id (versions are immutable, so it is cached). */
    public ActiveProgram program(long ruleVersionId) {
        // a lambda, not RuleVersion::findById: Panache enhances calls on the entity class only
        RuleVersion v = versionsById.computeIfAbsent(ruleVersionId, id -> RuleVersion.<RuleVersion>findById(id));
        return new ActiveProgram(v, registry.programOf(v));
    }

    /** The active-version query's text, for callers that fold it into a larger read. */
    public static final String ACTIVE_VERSION_SQL = """
            select rule_version_id from activation
            where merchant_id = ?1 and cancelled_at is null and effective_at <= ?2
            order by effective_at desc, id desc limit 1""";

    public static ProblemException noActiveVersion(Merchant merchant) {
        return ProblemException.of(ProblemType.NO_ACTIVE_RULE_VERSION,
                "merchant `" + merchant.code + "` has no active rule version: upload one and activate it "
                        + "(POST /merchants/" + merchant.code + "/rule-versions/{number}/activation)");
    }

    /** The active program now, or 409 explaining that nothing is active yet. */
    public ActiveProgram requireActive(Merchant merchant) {
        return activeAt(merchant, clock.instant()).orElseThrow(() -> noActiveVersion(merchant));
    }

    /**
     * Any version by number, drafts included (dry runs, suites): 503 at once when it needs a compile
     * and every compile slot is taken, so such requests never queue ahead of postings.
     */
    public ActiveProgram version(Merchant merchant, int number) {
        RuleVersion v = require(merchant, number);
        return new ActiveProgram(v, registry.programOf(v, WhenBusy.REFUSE));
    }
}
