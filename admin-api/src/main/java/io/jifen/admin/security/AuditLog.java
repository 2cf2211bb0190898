package io.jifen.admin.security;

import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Writes audit entries in the caller's transaction, so a change and its audit entry commit together;
 * reads them back newest first.
 */
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

    /** A page of a merchant's entries, newest first (down the index audit_log_by_merchant). */
    public Page<AuditEntry> newestFirst(Long merchantId, int limit, String cursor) {
        Long before = Cursor.decodeLong(cursor);
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find("merchantId = ?1 and id < ?2 order by id desc", merchantId,
                before == null ? Long.MAX_VALUE : before).range(0, limit).list();
        return Page.of(rows, limit, e -> String.valueOf(e.id));
    }
}
