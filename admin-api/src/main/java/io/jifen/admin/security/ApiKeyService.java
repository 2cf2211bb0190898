package io.jifen.admin.security;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** Issues and revokes API keys; every change is audited. */
@ApplicationScoped
public class ApiKeyService {
    @Inject
    AuditLog audit;

    @Inject
    CallerContext callerContext;

    @Inject
    CallerCache callerCache;

    /** A new key and its secret, which is never retrievable again. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    @Transactional
    public IssuedKey issue(Long merchantId, Role role, String label) {
        return issueAs(callerContext.caller().keyId(), merchantId, role, label);
    }

    /** For seeding at start-up, when there is no calling key. */
    @Transactional
    public IssuedKey issueAs(String actorKeyId, Long merchantId, Role role, String label) {
        if ((role == Role.ADMIN) != (merchantId == null)) {
            throw ProblemException.invalidField("role", role == Role.ADMIN
                    ? "ADMIN keys belong to the platform: create them under /platform/api-keys"
                    : "must be MARKETING, INTEGRATOR or QA for a merchant key");
        }
        String secret = ApiKeySecrets.newSecret();
        ApiKey key = new ApiKey();
        key.id = ApiKeySecrets.newId();
        key.merchantId = merchantId;
        key.role = role;
        key.secretHash = ApiKeySecrets.hash(secret);
        key.label = label == null || label.isBlank() ? role.name().toLowerCase() + " key" : label;
        key.createdAt = Instant.now();
        key.createdBy = actorKeyId;
        key.persist();
        audit.recordAs(actorKeyId, merchantId, "api-key.issued", "api-key/" + key.id, "role=" + role + ", label=" + key.label);
        return new IssuedKey(key, secret);
    }

    @Transactional
    public void revoke(Long merchantId, String keyId) {
        ApiKey key = ApiKey.findById(keyId);
        if (key == null || !Objects.equals(key.merchantId, merchantId)) {
            throw ProblemException.notFound("api key `" + keyId + "`");
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            callerCache.invalidateAll();
            audit.record(merchantId, "api-key.revoked", "api-key/" + key.id, "role=" + key.role);
        }
    }

    /** The label given when the key was issued; null for an unknown key (the bootstrap key is not stored). */
    public String labelOf(String keyId) {
        ApiKey key = ApiKey.findById(keyId);
        return key == null ? null : key.label;
    }

    /** A page of the merchant's keys, oldest first. */
    public Page<ApiKey> keysOf(long merchantId, int limit, String cursor) {
        String after = Cursor.decode(cursor);
        List<ApiKey> rows;
        if (after == null) {
            rows = ApiKey.<ApiKey>find("merchantId = ?1 order by createdAt, id", merchantId).range(0, limit).list();
        } else {
            String[] key = after.split(" ", 2);
            Instant createdAt;
            try {
                createdAt = Instant.parse(key[0]);
            } catch (DateTimeParseException e) {
                throw new Cursor.Invalid();
            }
            rows = ApiKey.<ApiKey>find("merchantId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3))"
                    + " order by createdAt, id", merchantId, createdAt, key.length > 1 ? key[1] : "").range(0, limit).list();
        }
        return Page.of(rows, limit, k -> k.createdAt + " " + k.id);
    }
}
