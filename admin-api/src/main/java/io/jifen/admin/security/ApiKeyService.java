package io.jifen.admin.security;

import io.jifen.admin.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
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

    public List<ApiKey> keysOf(Long merchantId) {
        return merchantId == null ? ApiKey.list("merchantId is null order by createdAt")
                : ApiKey.list("merchantId = ?1 order by createdAt", merchantId);
    }
}
