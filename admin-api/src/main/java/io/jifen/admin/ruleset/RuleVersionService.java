package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.WhenBusy;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Uploads (compile, check, store as an immutable draft) and activations of rule versions. */
@ApplicationScoped
public class RuleVersionService {
    /** Clock skew tolerated for "activate at": a time this little in the past means now. */
    private static final Duration SKEW = Duration.ofSeconds(5);
    /** A scheduled activation this close to its instant can no longer be cancelled (requests may resolve it). */
    static final Duration CANCEL_MARGIN = Duration.ofSeconds(1);

    @Inject
    ProgramRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callerContext;

    @Inject
    Clock clock;

    @Inject
    RuleVersions versions;

    @Inject
    ActivationGate gate;

    /** The stored version and whether this upload created it (identical files return the existing one). */
    public record Upload(RuleVersion version, boolean created) {
    }

    @Transactional
    public Upload upload(Merchant merchant, String description, List<RuleFile> files) {
        return uploadAs(callerContext.caller().keyId(), merchant, description, files);
    }

    /** {@link #upload} on behalf of {@code actorKeyId} (the seeder has no calling key). */
    @Transactional
    public Upload uploadAs(String actorKeyId, Merchant merchant, String description, List<RuleFile> files) {
        RuleSet ruleSet = ProgramRegistry.ruleSetOf(files);
        // compile outside the merchant lock: it is the slow part and touches no table
        CompilationResult compiled = registry.compile(ruleSet);
        if (compiled instanceof CompilationResult.Rejected rejected) {
            throw ProgramRegistry.rejected(rejected, "nothing was stored");
        }
        // numbering is per merchant: lock the merchant row so concurrent uploads get distinct numbers
        Merchant locked = Merchant.findById(merchant.id, LockModeType.PESSIMISTIC_WRITE);
        String hash = ruleSet.contentHash();
        RuleVersion existing = RuleVersion.find("merchantId = ?1 and contentHash = ?2", locked.id, hash).firstResult();
        if (existing != null) {
            return new Upload(existing, false);
        }
        Integer max = RuleVersion.find("select max(v.number) from RuleVersion v where v.merchantId = ?1", locked.id)
                .project(Integer.class).firstResult();
        RuleVersion version = new RuleVersion();
        version.merchantId = locked.id;
        version.number = max == null ? 1 : max + 1;
        version.contentHash = hash;
        version.description = description == null ? "" : description;
        version.createdAt = Instant.now();
        version.createdBy = actorKeyId;
        version.persist();
        for (RuleFile file : ruleSet.files()) {
            RuleVersionFile stored = new RuleVersionFile();
            stored.ruleVersionId = version.id;
            stored.name = file.name();
            stored.content = file.content();
            stored.persist();
        }
        audit.recordAs(actorKeyId, locked.id, "rule-version.created", "rule-version/" + version.number,
                "hash=" + hash + ", files=" + ruleSet.files().stream().map(RuleFile::name).toList());
        return new Upload(version, true);
    }

    /**
     * Makes {@code number} the live version now, or from {@code at}; rollback is activating an older
     * number. Gated: when a current stored suite fails on the version, refused with 409 suite-gate
     * unless {@code overrideReason} says why to release it anyway (audited).
     */
    @Transactional
    public Activation activate(Merchant merchant, int number, Instant at, String overrideReason) {
        return activateAs(callerContext.caller().keyId(), merchant, number, at, overrideReason);
    }

    /** {@link #activate} on behalf of {@code actorKeyId}, without an override. */
    @Transactional
    public Activation activateAs(String actorKeyId, Merchant merchant, int number, Instant at) {
        return activateAs(actorKeyId, merchant, number, at, null);
    }

    /** {@link #activate} on behalf of {@code actorKeyId}. */
    @Transactional
    public Activation activateAs(String actorKeyId, Merchant merchant, int number, Instant at, String overrideReason) {
        RuleVersion version = RuleVersions.require(merchant, number);
        Instant now = clock.instant();
        if (at != null && at.isBefore(now.minus(SKEW))) {
            throw ProblemException.invalidField("at", "is in the past (" + at + "); omit it to activate now");
        }
        // compile before going live, so a version that cannot run is never made active (503 when no slot is free)
        CompiledProgram program = registry.programOf(version, WhenBusy.REFUSE);
        // the gate runs when the activation is made, a scheduled one included: not again at its instant
        ActivationGate.Verdict verdict = gate.check(merchant, new ActiveProgram(version, program));
        if (!verdict.passed() && overrideReason == null) {
            throw gateRefused(number, verdict);
        }
        Activation activation = new Activation();
        activation.merchantId = merchant.id;
        activation.ruleVersionId = version.id;
        activation.effectiveAt = at == null || at.isBefore(now) ? now : at;
        activation.createdAt = now;
        activation.createdBy = actorKeyId;
        // an immediate activation is announced by its own audit entry; a scheduled one by ActivationWatcher
        activation.announcedAt = at == null ? now : null;
        activation.suiteGate = verdict.suites() == 0 ? Activation.NO_SUITES
                : verdict.passed() ? Activation.PASSED : Activation.OVERRIDDEN;
        activation.gateSuites = verdict.suites();
        activation.gateScenarios = verdict.scenarios();
        activation.gateFailed = verdict.failed();
        activation.overrideReason = verdict.passed() ? null : overrideReason;
        activation.persist();
        String gateNote = switch (activation.suiteGate) {
            case Activation.NO_SUITES -> "no stored suites";
            case Activation.PASSED -> "passed (" + count(verdict.scenarios(), "scenario") + " of "
                    + count(verdict.suites(), "stored suite") + ")";
            default -> "overridden (" + verdict.failed() + " of " + count(verdict.scenarios(), "scenario") + " failed)";
        };
        if (overrideReason != null && verdict.passed()) {
            gateNote += "; an override was given but not needed: \"" + overrideReason + "\"";
        }
        audit.recordAs(actorKeyId, merchant.id, at == null ? "rule-version.activated" : "rule-version.activation-scheduled",
                "rule-version/" + number, "effectiveAt=" + activation.effectiveAt + ", suiteGate=" + gateNote);
        if (activation.suiteGate.equals(Activation.OVERRIDDEN)) {
            audit.recordAs(actorKeyId, merchant.id, "rule-version.gate-overridden", "rule-version/" + number,
                    "reason=\"" + overrideReason + "\", activation=" + activation.id + ", effectiveAt="
                            + activation.effectiveAt + ", failing: " + failing(verdict));
        }
        return activation;
    }

    /** 409 suite-gate: in plain words, and every failing scenario with its differences for a release screen. */
    static ProblemException gateRefused(int number, ActivationGate.Verdict verdict) {
        int suites = verdict.failures().size();
        String detail = count(verdict.failed(), "scenario") + " of " + count(suites, "stored suite")
                + (verdict.failed() == 1 ? " fails" : " fail") + " on version " + number
                + "; activate with an override reason to release anyway";
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("version", number);
        members.put("suites", verdict.suites());
        members.put("scenarios", verdict.scenarios());
        members.put("passed", verdict.passedScenarios());
        members.put("failed", verdict.failed());
        members.put("failures", verdict.failures());
        return ProblemException.of(ProblemType.SUITE_GATE, detail, null, members);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The failing scenarios for the audit log, by suite; long lists are cut (the 409 and the suites hold the rest). */
    private static String failing(ActivationGate.Verdict verdict) {
        StringBuilder s = new StringBuilder();
        for (ActivationGate.FailingSuite suite : verdict.failures()) {
            s.append(s.length() == 0 ? "" : "; ").append(suite.name()).append(" r").append(suite.revision()).append(": ")
                    .append(suite.scenarios().stream().map(ActivationGate.FailingScenario::name)
                            .collect(Collectors.joining(" | ")));
        }
        return s.length() <= 2000 ? s.toString() : s.substring(0, 2000) + " …";
    }

    /**
     * Withdraws the still-pending activations of version {@code number}. 409 when its activation has
     * already taken effect (or is about to, within {@link #CANCEL_MARGIN}), or when nothing is pending.
     */
    @Transactional
    public RuleVersionModels.CancellationView cancelActivation(Merchant merchant, int number) {
        RuleVersion version = RuleVersions.require(merchant, number);
        // lock the version's activations so a concurrent cancel or watcher claim serialises with us
        List<Activation> activations = Activation.find("ruleVersionId = ?1 and cancelledAt is null order by effectiveAt",
                version.id).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = clock.instant();
        List<Activation> pending = activations.stream()
                .filter(a -> a.announcedAt == null && a.effectiveAt.isAfter(now.plus(CANCEL_MARGIN))).toList();
        if (pending.isEmpty()) {
            boolean tookEffect = activations.stream().anyMatch(a -> !a.effectiveAt.isAfter(now.plus(CANCEL_MARGIN)));
            throw tookEffect
                    ? ProblemException.of(ProblemType.ACTIVATION_IN_EFFECT, "the activation of rule version " + number
                    + " has already taken effect; to go back, activate the version you want live")
                    : ProblemException.of(ProblemType.NO_PENDING_ACTIVATION, "rule version " + number
                    + " has no pending activation to cancel");
        }
        List<Instant> cancelled = new ArrayList<>();
        for (Activation a : pending) {
            a.cancelledAt = now;
            cancelled.add(a.effectiveAt);
            audit.record(merchant.id, "rule-version.activation-cancelled", "rule-version/" + number,
                    "effectiveAt=" + a.effectiveAt + ", activation=" + a.id);
        }
        return new RuleVersionModels.CancellationView(number, cancelled, now);
    }

    /** The merchant's versions by number, drafts included, each with its status now. */
    /** A page of the merchant's versions by number. */
    public Page<RuleVersionModels.VersionView> list(Merchant merchant, int limit, String cursor) {
        Long after = Cursor.decodeLong(cursor);
        List<RuleVersion> rows = RuleVersion.<RuleVersion>find("merchantId = ?1 and number > ?2 order by number",
                merchant.id, after == null ? 0 : after.intValue()).range(0, limit).list();
        return Page.of(rows, limit, v -> String.valueOf(v.number)).map(this::view);
    }

    public RuleVersionModels.VersionView view(RuleVersion v) {
        Instant now = clock.instant();
        String status;
        if (versions.activeVersionId(v.merchantId, now).filter(v.id::equals).isPresent()) {
            status = "ACTIVE";
        } else if (Activation.count("ruleVersionId = ?1 and cancelledAt is null and effectiveAt > ?2", v.id, now) > 0) {
            status = "SCHEDULED";
        } else if (Activation.count("ruleVersionId = ?1 and cancelledAt is null", v.id) > 0) {
            status = "INACTIVE";
        } else {
            status = "DRAFT";
        }
        List<RuleVersionModels.FileView> files = new ArrayList<>();
        for (RuleVersionFile f : RuleVersionFile.of(v.id)) {
            files.add(new RuleVersionModels.FileView(f.name, f.content.length));
        }
        return new RuleVersionModels.VersionView(v.number, status, v.contentHash, v.description, files, v.createdAt,
                v.createdBy);
    }

    /** Multipart parts as rule files: each part's filename is the file's name; bad names are listed, not skipped. */
    static List<RuleFile> decode(List<FileUpload> parts) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<RuleFile> files = new ArrayList<>();
        List<FileUpload> all = parts == null ? List.of() : parts;
        for (int i = 0; i < all.size(); i++) {
            FileUpload part = all.get(i);
            String name = part.fileName();
            if (name == null || !name.matches(RuleVersionModels.FILE_NAME_PATTERN)) {
                // parts named `files` (the named form) by their place, other parts by their own name
                errors.add(Problem.FieldError.field("files[" + ("files".equals(part.name()) ? i : part.name()) + "]",
                        "filename `" + name + "` " + RuleVersionModels.FILE_NAME_RULE));
                continue;
            }
            try {
                files.add(new RuleFile(name, Files.readAllBytes(part.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.isEmpty() && errors.isEmpty()) {
            errors.add(Problem.FieldError.field("files", "send at least one file part (with a filename)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() + " problem(s) in the upload", errors);
        }
        return files;
    }

    static RuleFile decode(RuleVersionModels.UploadedFile file) {
        if ("base64".equals(file.encoding())) {
            try {
                return new RuleFile(file.name(), Base64.getDecoder().decode(file.content()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("files[" + file.name() + "].content", "is not valid base64");
            }
        }
        return new RuleFile(file.name(), file.content().getBytes(StandardCharsets.UTF_8));
    }
}
