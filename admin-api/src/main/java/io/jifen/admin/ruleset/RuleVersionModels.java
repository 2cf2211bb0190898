package io.jifen.admin.ruleset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** API models of rule versions; entities never leave the service. */
public final class RuleVersionModels {
    private RuleVersionModels() {
    }

    /** An upload as JSON: text files as they are, binary ones (xlsx, xls) base64-encoded. */
    public record UploadRequest(@Size(max = 500) String description, @NotEmpty @Valid List<UploadedFile> files) {
    }

    public record UploadedFile(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,254}", message = "must be a relative file name of letters, digits, '.', '_', '-' and '/'")
            String name,
            @NotBlank String content,
            @Pattern(regexp = "utf-8|base64", message = "must be utf-8 (default) or base64") String encoding) {
    }

    public record FileView(String name, int size) {
    }

    /** DRAFT: never activated; SCHEDULED: activation pending; ACTIVE: live now; INACTIVE: was live before. */
    public record VersionView(int number, String status, String contentHash, String description, List<FileView> files,
                              Instant createdAt, String createdBy) {
    }

    public record ActivationRequest(Instant at) {
    }

    public record ActivationView(int version, Instant effectiveAt, Instant createdAt, String createdBy) {
        static ActivationView of(Activation a, int version) {
            return new ActivationView(version, a.effectiveAt, a.createdAt, a.createdBy);
        }
    }
}
