package io.jifen.admin.suite;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.ruleset.SuiteRuns;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import io.jifen.engine.scenario.InvalidSuiteException;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A merchant's stored regression suites: stored by name, each change an immutable revision, retired
 * and revived; and the current ones read back as suites to run. Every write is audited.
 */
@ApplicationScoped
public class StoredSuites {
    /** The most a suite's text may hold, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callerContext;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** What a store did: created the suite, added a revision (or revived it), or found the text unchanged. */
    public enum Outcome { CREATED, REVISED, REVIVED, UNCHANGED }

    public record Stored(StoredSuite suite, SuiteRevision revision, Outcome outcome) {
    }

    /**
     * Stores {@code text} as suite {@code name}: a new suite (revision 1), a new revision when the text
     * differs from the current one or the suite was retired, nothing when it is the same text. The
     * text is read and checked first (every scenario must be able to run); nothing is stored otherwise.
     */
    @Transactional
    public Stored store(Merchant merchant, String name, String text, String message) {
        return storeAs(callerContext.caller().keyId(), merchant, name, text, message);
    }

    /** As {@link #store}, stored and audited as {@code actor} (the example seeding has no caller). */
    @Transactional
    public Stored storeAs(String actor, Merchant merchant, String name, String text, String message) {
        if (name == null || !name.matches(SuiteModels.NAME_PATTERN)) {
            throw ProblemException.invalidField("name", SuiteModels.NAME_RULE);
        }
        if (message != null && message.length() > 500) {
            throw ProblemException.invalidField("message", "size must be between 0 and 500");
        }
        if (message != null && message.indexOf('\0') >= 0) {
            throw ProblemException.invalidField("message", "must not contain the NUL character (U+0000)");
        }
        text = text == null ? "" : text;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, "the suite is " + bytes.length
                    + " bytes; a stored suite holds at most " + MAX_BYTES + " bytes (1 MiB): split it into several suites");
        }
        if (text.indexOf('\0') >= 0) { // PostgreSQL cannot store it in text
            throw invalidText(name, "the suite must not contain the NUL character (U+0000)");
        }
        if (text.isBlank()) {
            throw invalidText(name, "the suite is empty; send its YAML text");
        }
        Suite suite;
        try {
            suite = SuiteReader.readChecked(name + ".yaml", text);
        } catch (InvalidSuiteException e) {
            throw SuiteRuns.invalidSuite(e);
        }
        String hash = sha256(bytes);
        lockSuitesOf(merchant);
        StoredSuite stored = StoredSuite.of(merchant.id, name).orElse(null);
        Instant now = clock.instant();
        if (stored == null) {
            stored = new StoredSuite();
            stored.merchantId = merchant.id;
            stored.name = name;
            stored.currentRevision = 1;
            stored.createdAt = now;
            stored.createdBy = actor;
            stored.persist();
            SuiteRevision revision = newRevision(stored, 1, suite, text, hash, message, now, actor);
            audit.recordAs(actor, merchant.id, "suite.created", "suite/" + name, details(revision));
            return new Stored(stored, revision, Outcome.CREATED);
        }
        SuiteRevision current = SuiteRevision.of(stored.id, stored.currentRevision).orElseThrow();
        if (!stored.retired() && current.contentHash.equals(hash)) {
            return new Stored(stored, current, Outcome.UNCHANGED);
        }
        Outcome outcome = stored.retired() ? Outcome.REVIVED : Outcome.REVISED;
        stored.currentRevision = current.revision + 1;
        stored.retiredAt = null;
        stored.retiredBy = null;
        SuiteRevision revision = newRevision(stored, stored.currentRevision, suite, text, hash, message, now, actor);
        audit.recordAs(actor, merchant.id, outcome == Outcome.REVIVED ? "suite.revived" : "suite.revised",
                "suite/" + name, details(revision));
        return new Stored(stored, revision, outcome);
    }

    /** Retires the suite: it keeps its revisions, no longer runs or gates. Retiring a retired suite changes nothing. */
    @Transactional
    public StoredSuite retire(Merchant merchant, String name) {
        lockSuitesOf(merchant);
        StoredSuite stored = require(merchant, name);
        if (!stored.retired()) {
            stored.retiredAt = clock.instant();
            stored.retiredBy = callerContext.caller().keyId();
            audit.record(merchant.id, "suite.retired", "suite/" + name, "revision=" + stored.currentRevision);
        }
        return stored;
    }

    /** Advisory lock class of a merchant's stored suites (the second key is the merchant). */
    private static final int SUITES_LOCK = 7400013;

    /**
     * One writer of a merchant's suites at a time, until the transaction ends: two first stores of
     * one name, two revisions, or a retirement and a revision never race. An advisory lock, not the
     * merchant row, which every posting's foreign keys share.
     */
    private void lockSuitesOf(Merchant merchant) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, ?2)").setParameter(1, SUITES_LOCK)
                .setParameter(2, Long.hashCode(merchant.id)).getSingleResult();
    }

    /** The suite by name, retired or not, or 404. */
    public StoredSuite require(Merchant merchant, String name) {
        return (name == null || !name.matches(SuiteModels.NAME_PATTERN) ? Optional.<StoredSuite>empty()
                : StoredSuite.of(merchant.id, name))
                .orElseThrow(() -> ProblemException.notFound("suite `" + name + "` of `" + merchant.code + "`"));
    }

    public SuiteRevision revision(StoredSuite suite, int revision) {
        return SuiteRevision.of(suite.id, revision).orElseThrow(() -> ProblemException.notFound(
                "revision " + revision + " of suite `" + suite.name + "`"));
    }

    public SuiteModels.SuiteView view(StoredSuite suite, boolean withText) {
        return SuiteModels.SuiteView.of(suite, revision(suite, suite.currentRevision), revision(suite, 1), withText);
    }

    /** A page of the merchant's suites by name, the retired ones too when asked for. */
    public Page<SuiteModels.SuiteView> list(Merchant merchant, boolean withRetired, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        List<StoredSuite> suites = StoredSuite.<StoredSuite>find("merchantId = ?1 and name > ?2"
                + (withRetired ? "" : " and retiredAt is null") + " order by name", merchant.id, after == null ? "" : after)
                .range(0, limit).list();
        return Page.of(suites, limit, s -> s.name).map(s -> view(s, false));
    }

    /** A page of a suite's revisions, oldest first. */
    public Page<SuiteModels.RevisionView> revisions(StoredSuite suite, int limit, String cursor) {
        Long after = Cursor.decodeLong(cursor);
        List<SuiteRevision> revisions = SuiteRevision.<SuiteRevision>find("suiteId = ?1 and revision > ?2 order by revision",
                suite.id, after == null ? 0 : after.intValue()).range(0, limit).list();
        return Page.of(revisions, limit, r -> String.valueOf(r.revision)).map(r -> SuiteModels.RevisionView.of(suite, r, false));
    }

    /**
     * A current suite at its current revision, read back: {@code suite} is null when the stored text
     * can no longer be read (it was checked when stored; only a change of the suite format could do
     * that), and {@code problem} says why.
     */
    public record Current(String name, int revision, String title, int scenarioCount, Suite suite, String problem) {
    }

    /** Every current (not retired) suite of the merchant, by name. */
    public List<Current> current(long merchantId) {
        List<Object[]> rows = em.createQuery(
                "select s.name, r.revision, r.title, r.scenarioCount, r.content from StoredSuite s, SuiteRevision r "
                        + "where r.suiteId = s.id and r.revision = s.currentRevision and s.merchantId = ?1 "
                        + "and s.retiredAt is null order by s.name", Object[].class)
                .setParameter(1, merchantId).getResultList();
        return rows.stream().map(row -> {
            String name = (String) row[0];
            try {
                Suite suite = SuiteReader.read(name + ".yaml", (String) row[4]);
                // reports show the suite's own name; a text without one is shown by its stored name
                if (suite.suite() == null || suite.suite().isBlank()) {
                    suite = new Suite(name, suite.zone(), suite.policy(), suite.defaults(), suite.scenarios());
                }
                return new Current(name, (Integer) row[1], (String) row[2], (Integer) row[3], suite, null);
            } catch (IOException | RuntimeException e) {
                return new Current(name, (Integer) row[1], (String) row[2], (Integer) row[3], null, e.getMessage());
            }
        }).toList();
    }

    private static SuiteRevision newRevision(StoredSuite stored, int number, Suite suite, String text, String hash,
                                             String message, Instant now, String actor) {
        SuiteRevision r = new SuiteRevision();
        r.suiteId = stored.id;
        r.revision = number;
        r.title = suite.suite();
        r.content = text;
        r.contentHash = hash;
        r.scenarioCount = suite.scenarios().size();
        r.message = message == null ? "" : message;
        r.createdAt = now;
        r.createdBy = actor;
        r.persist();
        return r;
    }

    private static String details(SuiteRevision r) {
        return "revision=" + r.revision + ", scenarios=" + r.scenarioCount + ", hash=" + r.contentHash
                + (r.message.isEmpty() ? "" : ", message=\"" + r.message + "\"");
    }

    private static ProblemException invalidText(String name, String message) {
        return ProblemException.of(ProblemType.INVALID_SUITE, name + ".yaml: " + message,
                List.of(new Problem.FieldError(null, message, null, null, null, null)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
