package io.jifen.admin.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** API models for keys: the secret appears only in the creation response. */
public final class ApiKeyModels {
    private ApiKeyModels() {
    }

    public record KeyRequest(@NotNull Role role, @Size(max = 200) String label) {
    }

    public record PlatformKeyRequest(@Size(max = 200) String label) {
    }

    public record IssuedKeyView(String id, Role role, String label, String secret, Instant createdAt, String notice) {
        public static IssuedKeyView of(ApiKeyService.IssuedKey issued) {
            return new IssuedKeyView(issued.key().id, issued.key().role, issued.key().label, issued.secret(),
                    issued.key().createdAt, "store the secret now: it is shown once and stored only as a hash");
        }
    }

    public record KeyView(String id, Role role, String label, Instant createdAt, String createdBy, Instant revokedAt) {
        public static KeyView of(ApiKey k) {
            return new KeyView(k.id, k.role, k.label, k.createdAt, k.createdBy, k.revokedAt);
        }
    }

    public record AuditView(long id, String actorKeyId, String action, String target, String details, Instant at) {
        public static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.actorKeyId, e.action, e.target, e.details, e.at);
        }
    }
}
