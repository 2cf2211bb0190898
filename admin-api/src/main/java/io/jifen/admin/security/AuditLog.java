package io.jifen.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Writes audit entries in the caller's transaction, so a change and its audit entry commit together. */
@ApplicationScoped
public class AuditLog {
    @Inject
    CallerContext callerContext;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long merchantId, String action, String target, String details) {
        recordAs(callerContext.caller().keyId(), merchantId, action, target, details);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String keyId, Long merchantId, String action, String target, String details) {
        AuditEntry entry = new AuditEntry();
        entry.merchantId = merchantId;
        entry.actorKeyId = keyId;
        entry.action = action;
        entry.target = target;
        entry.details = details;
        entry.at = Instant.now();
        entry.persist();
    }
}
