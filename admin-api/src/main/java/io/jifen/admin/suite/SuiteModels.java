package io.jifen.admin.suite;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jifen.admin.ruleset.RuleVersionModels;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** API models of stored suites; entities never leave the service. */
public final class SuiteModels {
    private SuiteModels() {
    }

    /** What a stored suite may be called: a slug, as it appears in URLs. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String NAME_RULE = "must be 1 to 63 lower-case letters, digits and '-', starting with a letter or digit";

    /**
     * A stored suite at its current revision. {@code suite}: the suite's own {@code suite:} name (what
     * reports show); {@code scenarios}: how many it holds; {@code updatedAt}/{@code updatedBy}: when and
     * by which key (id, as {@code GET …/me} shows it) the current revision was stored, {@code message}
     * its change note; {@code createdAt}/{@code createdBy} of revision 1; {@code retiredAt}/{@code
     * retiredBy} when retired (null while current). {@code yaml}: the text, only when one suite is read.
     */
    public record SuiteView(String name, int revision, String suite, int scenarios, String contentHash, String message,
                            Instant updatedAt, String updatedBy, Instant createdAt, String createdBy, Instant retiredAt,
                            String retiredBy, @JsonInclude(JsonInclude.Include.NON_NULL) String yaml) {
        static SuiteView of(StoredSuite s, SuiteRevision current, SuiteRevision first, boolean withText) {
            return new SuiteView(s.name, current.revision, current.title, current.scenarioCount, current.contentHash,
                    current.message, current.createdAt, current.createdBy, first.createdAt, first.createdBy, s.retiredAt,
                    s.retiredBy, withText ? current.content : null);
        }
    }

    /** One revision: who stored it, when, with what note; {@code yaml} only when one revision is read. */
    public record RevisionView(String name, int revision, boolean current, String suite, int scenarios,
                               String contentHash, String message, Instant createdAt, String createdBy,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String yaml) {
        static RevisionView of(StoredSuite s, SuiteRevision r, boolean withText) {
            return new RevisionView(s.name, r.revision, !s.retired() && r.revision == s.currentRevision, r.title,
                    r.scenarioCount, r.contentHash, r.message, r.createdAt, r.createdBy, withText ? r.content : null);
        }
    }

    /** Every current stored suite run on one version. */
    public record StoredRunView(Integer version, String contentHash, int suites, int scenarios, long passed, long failed,
                                List<SuiteRunView> results) {
    }

    /** One stored suite's run: the revision that ran and each scenario's verdict with its differences. */
    @Schema(name = "StoredSuiteRunView")
    public record SuiteRunView(String name, int revision, String suite, int scenarios, long passed, long failed,
                               List<RuleVersionModels.ScenarioView> results) {
    }

    /** Every current stored suite run on versions {@code from} and {@code to}: the scenarios whose result changes. */
    public record StoredComparisonView(int from, int to, int suites, int scenarios, int changed, boolean identical,
                                       List<SuiteComparisonView> results) {
    }

    public record SuiteComparisonView(String name, int revision, String suite, int scenarios, boolean identical,
                                      List<RuleVersionModels.ScenarioChangeView> changed) {
    }
}
