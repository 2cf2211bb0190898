package io.jifen.admin.member;

import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.shared.Attributes;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

@ApplicationScoped
public class MemberService {
    @Inject
    EntityManager em;

    @Inject
    TierChanges tiers;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The result of an enrolment: the member and whether this call created it. */
    public record Enrolment(LoyaltyMember member, boolean created) {
    }

    /** A member by its id at the merchant, or 404. */
    public LoyaltyMember require(Merchant merchant, String externalId) {
        return LoyaltyMember.of(merchant.id, externalId)
                .orElseThrow(() -> ProblemException.notFound("member `" + externalId + "`"));
    }

    @Transactional
    public Enrolment enrol(Merchant merchant, String externalId, MemberModels.MemberRequest request) {
        boolean created = ensureExists(merchant, externalId);
        LoyaltyMember m = LoyaltyMember.of(merchant.id, externalId).orElseThrow().lockForUpdate();
        if (request != null) {
            // checked before anything is written
            Map<String, String> attributes = request.attributes() == null || request.attributes().isEmpty() ? null
                    : attributesAfter(m.attributes(), request.attributes());
            List<String> order = LedgerPolicy.of(merchant).tierOrder();
            if (request.tier() != null && !request.tier().isEmpty() && !order.isEmpty() && !order.contains(request.tier())) {
                throw ProblemException.invalidField("tier", "must be one of the merchant's tiers " + order);
            }
            if (request.tier() != null && !request.tier().equals(m.tier)) {
                // a tier set by the integrator starts a period like any other change, and is in the history
                String from = m.tier;
                m.tier = request.tier();
                em.flush();
                tiers.apply(merchant.id, merchant.code, LedgerPolicy.of(merchant), m.id, m.externalId, from,
                        request.tier(), new TierChanges.Decision(TierChangeCause.MANUAL, null, null, null,
                                "set by the integrator on enrolment or update"), clock.instant());
                em.refresh(m);
            }
            MemberStatus status = request.status() == null ? null : MemberStatus.valueOf(request.status());
            if (status != null && status != m.status) {
                if (request.statusReason() == null || request.statusReason().isBlank()) {
                    throw ProblemException.invalidField("statusReason", "is required when the status changes");
                }
                m.status = status;
                m.frozenReason = status == MemberStatus.FROZEN ? request.statusReason() : null;
                audit.record(merchant.id, status == MemberStatus.FROZEN ? "member.frozen" : "member.unfrozen",
                        "member/" + externalId, request.statusReason());
            }
            if (request.enrolledOn() != null) {
                m.enrolledOn = request.enrolledOn();
            }
            if (request.birthday() != null) {
                m.birthday = request.birthday();
            }
            if (attributes != null) {
                m.attributesJson = Attributes.write(attributes);
            }
        }
        m.updatedAt = Instant.now();
        return new Enrolment(m, created);
    }

    /**
     * The member's attributes once {@code update} is applied: the names it gives are set, those given an empty
     * value (or null) removed, the others kept; 422 naming {@code attributes.<name>} for what the bounds refuse.
     */
    static Map<String, String> attributesAfter(Map<String, String> current, Map<String, String> update) {
        Map<String, String> after = new TreeMap<>(current);
        update.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                after.remove(name);
            } else {
                after.put(name, value);
            }
        });
        Map<String, String> problems = Attributes.problemsOfValues("attributes", update, after.size());
        if (!problems.isEmpty()) {
            List<Problem.FieldError> errors = problems.entrySet().stream()
                    .map(e -> Problem.FieldError.field(e.getKey(), e.getValue())).toList();
            throw ProblemException.invalid(errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        return after;
    }

    /**
     * The member a transaction is for (a detached snapshot), its row locked for the rest of the transaction, enrolling it
     * when the merchant allows auto-enrolment (404 otherwise). Concurrent first transactions of one
     * new member create it once. Its 404 leaves the transaction usable: it is thrown before anything is
     * written, and a batch of postings goes on without the refused one.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Locked lockedForTransaction(Merchant merchant, String externalId) {
        LoyaltyMember member = lockedRow(merchant.id, externalId);
        if (member != null) {
            return new Locked(member, false);
        }
        if (!merchant.autoEnrol) {
            throw ProblemException.notFound("member `" + externalId + "` (auto-enrolment is off for `"
                    + merchant.code + "`: enrol with PUT /merchants/" + merchant.code + "/members/" + externalId + ")");
        }
        boolean enrolled = ensureExists(merchant, externalId);
        return new Locked(lockedRow(merchant.id, externalId), enrolled);
    }

    /** A member locked for a transaction, and whether this transaction enrolled it (so has written already). */
    public record Locked(LoyaltyMember member, boolean enrolled) {
    }

    /** A member of a merchant, by the merchant's id for it. */
    public record Key(long merchantId, String externalId) {
    }

    /**
     * Locks these members (those that exist) lowest id first — the order every operation that locks
     * several members uses, so two such operations cannot deadlock — and returns them as read under the lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Key, LoyaltyMember> lockInIdOrder(Collection<Key> keys) {
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            pairs.append(i == 0 ? "" : ", ").append("(cast(?").append(2 * i + 1).append(" as bigint), cast(?")
                    .append(2 * i + 2).append(" as varchar))");
        }
        Query lock = em.createNativeQuery("select " + LOCKED_COLUMNS
                + ", merchant_id, external_id from member where (merchant_id, external_id) in (" + pairs
                + ") order by id for update", Tuple.class);
        int p = 1;
        for (Key key : keys) {
            lock.setParameter(p++, key.merchantId()).setParameter(p++, key.externalId());
        }
        List<Tuple> rows = Rows.tuples(lock.setFlushMode(FlushModeType.COMMIT));
        Map<Key, LoyaltyMember> locked = new HashMap<>();
        for (Tuple r : rows) {
            long merchantId = Rows.longValue(r, "merchant_id");
            String externalId = Rows.string(r, "external_id");
            locked.put(new Key(merchantId, externalId), member(r, merchantId, externalId));
        }
        return locked;
    }

    private static final String LOCKED_COLUMNS = "id, tier, status, enrolled_on, birthday, cast(attributes as text) as attributes,"
            + " balance, pending";

    /**
     * The member row, locked, read into a detached instance: the posting path writes with native
     * statements only, so it needs neither Hibernate's entity loading nor its dirty checking.
     */
    private LoyaltyMember lockedRow(long merchantId, String externalId) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select " + LOCKED_COLUMNS
                        + " from member where merchant_id = ?1 and external_id = ?2 for update", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, externalId)
                .setFlushMode(FlushModeType.COMMIT));
        return rows.isEmpty() ? null : member(rows.get(0), merchantId, externalId);
    }

    private static LoyaltyMember member(Tuple r, long merchantId, String externalId) {
        LoyaltyMember m = new LoyaltyMember();
        m.id = Rows.longValue(r, "id");
        m.merchantId = merchantId;
        m.externalId = externalId;
        m.tier = Rows.string(r, "tier");
        m.status = Rows.enumValue(r, "status", MemberStatus.class);
        m.enrolledOn = Rows.date(r, "enrolled_on");
        m.birthday = Rows.date(r, "birthday");
        m.attributesJson = Rows.string(r, "attributes");
        m.balance = Rows.longValue(r, "balance");
        m.pending = Rows.longValue(r, "pending");
        return m;
    }

    /** Inserts the member unless it exists; safe under concurrency thanks to the unique key. */
    private boolean ensureExists(Merchant merchant, String externalId) {
        LocalDate today = LocalDate.now(ZoneId.of(merchant.timeZone));
        int inserted = em.createNativeQuery("""
                        insert into member (merchant_id, external_id, tier, status, enrolled_on, balance, created_at, updated_at)
                        values (?1, ?2, '', ?4, ?3, 0, now(), now())
                        on conflict (merchant_id, external_id) do nothing""")
                .setParameter(1, merchant.id).setParameter(2, externalId).setParameter(3, today)
                .setParameter(4, MemberStatus.ACTIVE.name())
                .executeUpdate();
        return inserted == 1;
    }
}
