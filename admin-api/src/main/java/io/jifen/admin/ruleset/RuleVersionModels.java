package io.jifen.admin.ruleset;

import io.jifen.admin.shared.Inputs;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.scenario.Observed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API models of rule versions; entities never leave the service. */
public final class RuleVersionModels {
    private RuleVersionModels() {
    }

    /** What a rule file may be named, in JSON and multipart uploads alike. */
    public static final String FILE_NAME_PATTERN = "(?!.*//)(?!.*/\\.{1,2}(/|$))(?!.*/$)[A-Za-z0-9][A-Za-z0-9._/-]{0,254}";
    public static final String FILE_NAME_RULE = "must be a relative file name of letters, digits, '.', '_', '-' and '/' "
            + "(no empty, '.' or '..' folder)";

    /** An upload as JSON: text files as they are, binary ones (xlsx, xls) base64-encoded. */
    public record UploadRequest(@Size(max = 500) String description, @NotEmpty List<@NotNull @Valid UploadedFile> files) {
        /** The files decoded (base64 where the upload says so). */
        public List<RuleFile> ruleFiles() {
            return files.stream().map(RuleVersionService::decode).toList();
        }
    }

    public record UploadedFile(
            @NotBlank @Pattern(regexp = FILE_NAME_PATTERN, message = FILE_NAME_RULE)
            String name,
            @NotBlank String content,
            @Pattern(regexp = "utf-8|base64", message = "must be utf-8 (default) or base64")
            @Schema(enumeration = {"utf-8", "base64"}) String encoding) {
    }

    public record FileView(String name, int size) {
    }

    /** Draft rule files to compile without storing them: the same file shapes as an upload. */
    public record CompilationRequest(@NotEmpty List<@NotNull @Valid UploadedFile> files) {
        /** The files decoded (base64 where the request says so). */
        public List<RuleFile> ruleFiles() {
            return files.stream().map(RuleVersionService::decode).toList();
        }
    }

    /**
     * A draft's compile: {@code ok} when it would be accepted as a version. {@code rules} lists every
     * rule read (also when the draft has problems, as far as the files could be parsed).
     */
    public record CompilationView(boolean ok, String contentHash, List<DiagnosticView> diagnostics,
                                  List<RuleView> rules) {
    }

    /**
     * One problem, where the author wrote it: {@code line} is the file's line (the DSLR line for
     * DSLR, the spreadsheet row for decision tables), null when the problem concerns the whole file;
     * {@code column} null when unknown (always for decision tables); {@code cell} the spreadsheet
     * cell of a decision-table problem ({@code D12}, on row {@code line}) when it is known, else null.
     */
    public record DiagnosticView(String file, Integer line, Integer column, String cell, String message) {
    }

    /** A rule of the draft: its phase (null when it names none or an unknown one) and where it is written. */
    public record RuleView(String name, String phase, String file, Integer line) {
    }

    /** DRAFT: never activated; SCHEDULED: activation pending; ACTIVE: live now; INACTIVE: was live before. */
    public record VersionView(int number,
                              @Schema(enumeration = {"DRAFT", "SCHEDULED", "ACTIVE", "INACTIVE"}) String status, String contentHash, String description, List<FileView> files,
                              Instant createdAt, String createdBy) {
    }

    /**
     * {@code at}: when the version goes live (now when absent). {@code override}: release although
     * stored suites fail on the version, saying why (audited); not needed when they pass.
     */
    public record ActivationRequest(@Inputs.Moment Instant at, @Valid GateOverride override) {
        public String overrideReason() {
            return override == null ? null : override.reason().strip();
        }
    }

    public record GateOverride(@NotBlank @Size(max = 500) String reason) {
    }

    public record ActivationView(int version, Instant effectiveAt, Instant createdAt, String createdBy,
                                 SuiteGateView suiteGate) {
        static ActivationView of(Activation a, int version) {
            return new ActivationView(version, a.effectiveAt, a.createdAt, a.createdBy, SuiteGateView.of(a));
        }
    }

    /**
     * What the stored suites said when an activation was made: {@code outcome} NO_SUITES (none were
     * stored), PASSED or OVERRIDDEN (some failed; released with {@code overrideReason}); how many
     * suites and scenarios ran and how many scenarios failed.
     */
    public record SuiteGateView(String outcome, int suites, int scenarios, int failed, String overrideReason) {
        public static SuiteGateView of(Activation a) {
            return new SuiteGateView(a.suiteGate, a.gateSuites, a.gateScenarios, a.gateFailed, a.overrideReason);
        }
    }

    /** The pending activations a cancellation withdrew. */
    public record CancellationView(int version, List<Instant> cancelledEffectiveAt, Instant cancelledAt) {
    }

    /** A stored file in a version's file list: what GET .../files/{name} returns, and its SHA-256. */
    public record StoredFileView(String name, int size, String contentType, String sha256) {
    }

    /** Two versions compared file by file; {@code changed} carries a unified diff for text files. */
    public record DiffView(int from, int to, List<StoredFileView> added, List<StoredFileView> removed,
                           List<ChangedFile> changed, List<String> unchanged) {
    }

    /**
     * A file present in both versions with different bytes. {@code unifiedDiff} is null for binary
     * files (xlsx, xls) and for text changes too large to diff line by line.
     */
    public record ChangedFile(String name, boolean binary, int fromSize, int toSize, String fromSha256,
                              String toSha256, String unifiedDiff) {
    }

    /**
     * Two versions compared rule by rule, by rule name: rules only in {@code to} ({@code added}), only
     * in {@code from} ({@code removed}), in both with another text or phase ({@code changed}), and
     * the names of the rules in both unchanged.
     */
    public record RuleDiffView(int from, Integer to, List<RuleInVersion> added, List<RuleInVersion> removed,
                               List<ChangedRule> changed, List<String> unchanged) {
    }

    /**
     * A rule as one version has it: phase (null when none is named), the file and line (spreadsheet
     * row) it starts at, its text as compiled ({@code drl}: a DSLR rule expanded, a table row as the
     * DRL generated for it) and, for DRL and DSLR files, as written ({@code authored}; null for tables).
     */
    public record RuleInVersion(String name, String phase, String file, Integer line, String drl, String authored) {
    }

    /** A rule in both versions whose compiled text or phase differs; {@code unifiedDiff} of the two drl texts. */
    public record ChangedRule(String name, RuleInVersion from, RuleInVersion to, String unifiedDiff) {
    }

    /** A regression suite run against one version. */
    public record SuiteRunView(String suite, int version, String contentHash, int scenarios, long passed, long failed,
                               List<ScenarioView> results) {
    }

    /** One scenario's verdict; {@code observed} is what the version produced (null when it could not run). */
    public record ScenarioView(String name, boolean passed, List<String> differences,
                               @Schema(type = SchemaType.OBJECT, description = "What the version produced: total points, awards, tier decision, as in a suite's `then`")
                               Object observed) {
    }

    /** The scenarios whose result changes between version {@code from} and version {@code to}. */
    public record ComparisonView(String suite, int from, int to, int scenarios, boolean identical,
                                 List<ScenarioChangeView> changed) {
    }

    public record ScenarioChangeView(String scenario, List<String> changes,
                                     @Schema(type = SchemaType.OBJECT, description = "What the version produced: total points, awards, tier decision, as in a suite's `then`") Object before,
                                     @Schema(type = SchemaType.OBJECT, description = "What the version produced: total points, awards, tier decision, as in a suite's `then`") Object after) {
    }

    /** Unused keys are kept out of the JSON report of an observation. */
    static Map<String, Object> observed(Observed o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", o.outcome());
        putIf(m, "totalPoints", o.totalPoints());
        putIf(m, "awards", o.awards().isEmpty() && o.totalPoints() == null ? null : o.awards());
        putIf(m, "families", o.families().isEmpty() ? null : o.families());
        putIf(m, "tier", o.tier());
        putIf(m, "refused", o.refused().isEmpty() ? null : o.refused());
        putIf(m, "failed", o.failure());
        putIf(m, "failureMessage", o.failureMessage());
        putIf(m, "pointsPrice", o.pointsPrice());
        putIf(m, "cashPart", o.cashPart());
        putIf(m, "listPoints", o.listPoints());
        putIf(m, "discounts", o.discounts().isEmpty() ? null : o.discounts());
        putIf(m, "options", o.options().isEmpty() ? null : o.options());
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
