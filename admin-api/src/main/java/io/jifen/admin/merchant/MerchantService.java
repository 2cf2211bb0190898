package io.jifen.admin.merchant;

import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

@ApplicationScoped
public class MerchantService {
    @Inject
    AuditLog audit;

    @Inject
    MerchantDirectory directory;

    @Inject
    CallerContext callerContext;

    /** Every merchant, in no particular order. */
    /** A page of merchants by code. */
    public Page<Merchant> page(int limit, String cursor) {
        String after = Cursor.decode(cursor);
        List<Merchant> rows = (after == null ? Merchant.<Merchant>find("order by code")
                : Merchant.<Merchant>find("code > ?1 order by code", after)).range(0, limit).list();
        return Page.of(rows, limit, m -> m.code);
    }

    @Transactional
    public Merchant create(MerchantRequest request) {
        return createAs(callerContext.caller().keyId(), request);
    }

    /** {@link #create} on behalf of {@code actorKeyId} (the seeder has no calling key). */
    @Transactional
    public Merchant createAs(String actorKeyId, MerchantRequest request) {
        validate(request);
        if (Merchant.byCode(request.code()).isPresent()) {
            throw ProblemException.of(ProblemType.MERCHANT_EXISTS, "merchant `" + request.code() + "` already exists");
        }
        Merchant m = new Merchant();
        m.code = request.code();
        m.createdAt = Instant.now();
        apply(m, request);
        m.persist();
        audit.recordAs(actorKeyId, m.id, "merchant.created", "merchant/" + m.code, describe(request));
        return m;
    }

    @Transactional
    public Merchant update(Merchant merchant, MerchantRequest request) {
        validate(request);
        // the caller's instance was loaded outside this transaction: change the managed one
        Merchant m = Merchant.findById(merchant.id, LockModeType.PESSIMISTIC_WRITE);
        if (!m.code.equals(request.code())) {
            throw ProblemException.invalidField("code", "cannot change (was " + m.code + ")");
        }
        apply(m, request);
        audit.record(m.id, "merchant.updated", "merchant/" + m.code, describe(request));
        directory.forget(m.code);
        return m;
    }

    /**
     * Replaces only the points policy (PUT /merchants/{code}/points-policy): what MARKETING may change,
     * while name, time zone and currency stay the platform admin's. Field errors name the policy's own
     * fields ({@code expiry.months}), since the body is the policy.
     */
    @Transactional
    public Merchant updatePolicy(Merchant merchant, PointsPolicyModel policy) {
        List<Problem.FieldError> errors = new ArrayList<>();
        validatePolicy(policy, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the points policy is invalid", errors);
        }
        Merchant m = Merchant.findById(merchant.id, LockModeType.PESSIMISTIC_WRITE);
        applyPolicy(m, policy);
        audit.record(m.id, "merchant.policy-updated", "merchant/" + m.code, "policy=" + policy);
        directory.forget(m.code);
        return m;
    }

    private static void apply(Merchant m, MerchantRequest r) {
        m.name = r.name();
        m.timeZone = r.timeZone();
        m.currency = r.currency();
        applyPolicy(m, r.pointsPolicy());
    }

    private static void applyPolicy(Merchant m, PointsPolicyModel policy) {
        PointsPolicyModel p = policy.withDefaults();
        m.rounding = p.rounding();
        m.stacking = p.stacking();
        m.expiryPolicy = ExpiryRule.valueOf(p.expiry().rule());
        m.expiryMonths = m.expiryPolicy == ExpiryRule.NEVER ? null : p.expiry().months();
        m.accountCap = p.accountCap();
        m.autoEnrol = p.autoEnrol();
        m.pendingDays = p.pendingDays();
        m.dailyEarnCap = p.dailyEarnCap();
        m.shortfallPolicy = p.refundShortfall();
        m.transfersEnabled = p.transfers().enabled();
        m.transferMin = p.transfers().min();
        m.transferMax = p.transfers().max();
        m.tierOrder = String.join(",", p.tiers().order());
        m.tierPeriodMonths = p.tiers().periodMonths();
        m.balanceThresholds = p.balanceThresholds().stream().map(String::valueOf)
                .collect(Collectors.joining(","));
        m.pointValue = p.pointValue();
        m.updatedAt = Instant.now();
    }

    /** Checks Bean Validation cannot express: a real time zone and currency, months when expiring. */
    private static void validate(MerchantRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            ZoneId.of(r.timeZone());
        } catch (DateTimeException e) {
            errors.add(Problem.FieldError.field("timeZone", "is not a known time zone (e.g. Asia/Shanghai)"));
        }
        try {
            Currency.getInstance(r.currency());
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.field("currency", "is not an ISO 4217 currency"));
        }
        validatePolicy(r.pointsPolicy(), "pointsPolicy.", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the merchant is invalid", errors);
        }
    }

    /** The policy checks Bean Validation cannot express; {@code prefix} is where the policy sits in the body. */
    private static void validatePolicy(PointsPolicyModel policy, String prefix, List<Problem.FieldError> errors) {
        PointsPolicyModel.Expiry expiry = policy.expiry();
        if (!ExpiryRule.NEVER.name().equals(expiry.rule()) && expiry.months() == null) {
            errors.add(Problem.FieldError.field(prefix + "expiry.months", "is required when points expire"));
        }
        PointsPolicyModel.Transfers transfers = policy.transfers();
        if (transfers != null && transfers.min() != null && transfers.max() != null && transfers.min() > transfers.max()) {
            errors.add(Problem.FieldError.field(prefix + "transfers.max", "must not be below min"));
        }
        PointsPolicyModel.Tiers tiers = policy.tiers();
        if (tiers != null && tiers.order() != null && tiers.order().stream().distinct().count() != tiers.order().size()) {
            errors.add(Problem.FieldError.field(prefix + "tiers.order", "must not name a tier twice"));
        }
    }

    private static String describe(MerchantRequest r) {
        return "name=" + r.name() + ", timeZone=" + r.timeZone() + ", currency=" + r.currency() + ", policy=" + r.pointsPolicy();
    }
}
