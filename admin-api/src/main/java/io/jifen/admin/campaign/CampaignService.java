package io.jifen.admin.campaign;

import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.Attributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Defines campaigns: creates and replaces them, checking what the database would refuse less clearly. */
@ApplicationScoped
public class CampaignService {
    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    CampaignQueries queries;

    @Inject
    CallerContext caller;

    @Transactional
    public Campaign create(Merchant merchant, CampaignModels.CampaignRequest r) {
        return createAs(caller.caller().keyId(), merchant, r);
    }

    /** As {@link #create}, audited as {@code actorKeyId} (the example seeding has no caller). */
    @Transactional
    public Campaign createAs(String actorKeyId, Merchant merchant, CampaignModels.CampaignRequest r) {
        List<Long> items = checked(merchant, r, 0);
        if (Campaign.count("merchantId = ?1 and code = ?2", merchant.id, r.code()) > 0) {
            throw ProblemException.of(ProblemType.CAMPAIGN_EXISTS, "campaign `" + r.code() + "` exists already");
        }
        Campaign c = new Campaign();
        c.merchantId = merchant.id;
        c.code = r.code();
        apply(c, r);
        c.persist();
        em.flush();
        queries.replaceItems(c.id, items);
        audit.recordAs(actorKeyId, merchant.id, "campaign.created", "campaign/" + c.code, describe(c));
        return c;
    }

    /** Replaces the definition; the counters stay. A total budget cannot go below what was awarded. */
    @Transactional
    public Campaign replace(Merchant merchant, String code, CampaignModels.CampaignRequest r) {
        Campaign c = queries.lockedCampaign(merchant.id, code);
        if (!c.code.equals(r.code())) {
            throw ProblemException.invalidField("code", "must stay `" + c.code + "`: a campaign's code names it in rules");
        }
        List<Long> items = checked(merchant, r, c.awarded);
        apply(c, r);
        queries.replaceItems(c.id, items);
        audit.record(merchant.id, "campaign.replaced", "campaign/" + c.code, describe(c));
        return c;
    }

    private void apply(Campaign c, CampaignModels.CampaignRequest r) {
        c.name = r.name();
        c.theme = r.theme();
        c.startsAt = r.startsAt();
        c.endsAt = r.endsAt();
        CampaignModels.Audience a = r.audience();
        c.audienceTiers = a == null || a.tiers() == null || a.tiers().isEmpty() ? null : String.join(",", a.tiers());
        c.enrolledFrom = a == null ? null : a.enrolledFrom();
        c.enrolledTo = a == null ? null : a.enrolledTo();
        c.audienceAttributes = a == null || a.attributes() == null ? null : Attributes.write(conditions(a.attributes()));
        CampaignModels.Budget b = r.budget();
        c.budgetTotal = b == null ? null : b.total();
        c.budgetPerMember = b == null ? null : b.perMember();
        c.budgetPerDay = b == null ? null : b.perDay();
        c.whenExhausted = b == null || b.whenExhausted() == null ? WhenExhausted.TRIM : b.whenExhausted();
        c.updatedAt = clock.instant();
    }

    /** Checks the request against the merchant (tiers, items) and the counters; returns the items' ids. */
    private List<Long> checked(Merchant merchant, CampaignModels.CampaignRequest r, long awarded) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add(Problem.FieldError.field("endsAt", "must be after startsAt"));
        }
        CampaignModels.Audience a = r.audience();
        if (a != null && a.tiers() != null) {
            List<String> known = LedgerPolicy.of(merchant).tierOrder();
            for (int i = 0; i < a.tiers().size(); i++) {
                if (!known.isEmpty() && !known.contains(a.tiers().get(i))) {
                    errors.add(Problem.FieldError.field("audience.tiers[" + i + "]", "is not one of the merchant's tiers "
                            + known));
                }
            }
        }
        if (a != null && a.attributes() != null) {
            Attributes.problemsOfConditions("audience.attributes", a.attributes())
                    .forEach((field, message) -> errors.add(Problem.FieldError.field(field, message)));
        }
        if (a != null && a.enrolledFrom() != null && a.enrolledTo() != null && a.enrolledTo().isBefore(a.enrolledFrom())) {
            errors.add(Problem.FieldError.field("audience.enrolledTo", "must not be before audience.enrolledFrom"));
        }
        if (r.budget() != null && r.budget().total() != null && r.budget().total() < awarded) {
            errors.add(Problem.FieldError.field("budget.total", "must be at least the " + awarded
                    + " points the campaign has awarded"));
        }
        List<String> skus = r.items() == null ? List.of() : r.items().stream().distinct().toList();
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            Long id = queries.itemId(merchant.id, skus.get(i));
            if (id == null) {
                errors.add(Problem.FieldError.field("items[" + i + "]", "is not a mall item of the merchant"));
            } else {
                items.add(id);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(e -> e.field() + " " + e.message())
                    .reduce((x, y) -> x + "; " + y).orElseThrow(), errors);
        }
        return items;
    }

    /** The conditions as stored: by attribute name, each value once, in the order given. */
    private static Map<String, List<String>> conditions(Map<String, List<String>> given) {
        Map<String, List<String>> stored = new TreeMap<>();
        given.forEach((name, values) -> stored.put(name, values.stream().distinct().toList()));
        return stored;
    }

    private static String describe(Campaign c) {
        return "window=" + c.startsAt + ".." + c.endsAt + ", tiers=" + c.audienceTiers
                + (c.audienceAttributes == null ? "" : ", attributes=" + c.audienceAttributes) + ", budget=" + c.budgetTotal + "/"
                + c.budgetPerMember + "/" + c.budgetPerDay + " " + c.whenExhausted;
    }
}
