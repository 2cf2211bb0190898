package io.jifen.admin.redemption.pricing;

import io.jifen.admin.campaign.CampaignDefinition;
import io.jifen.admin.campaign.CampaignQueries;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.member.MemberActivityQuery;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.redemption.catalog.CatalogService;
import io.jifen.admin.redemption.catalog.MallItem;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.transaction.EvaluationInputs;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.PriceQuote;
import io.jifen.engine.facts.CatalogItem;
import io.jifen.engine.facts.MemberActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices an item for a member with the exchange-pricing rules of a rule version: list price →
 * discounts → points-plus-cash options, each discount with its rule and reason. The price a
 * redemption pays is the one quoted inside its own transaction (docs/mall.md, "Pricing").
 */
@ApplicationScoped
public class Pricing {
    @Inject
    MemberActivityQuery activities;

    @Inject
    CatalogService catalog;

    @Inject
    CampaignQueries campaignQueries;

    /** The member's price of the item at {@code at}, on {@code program}. */
    public PriceQuote quote(Merchant merchant, ActiveProgram program, LoyaltyMember member, MallItem item, Instant at) {
        ZoneId zone = ZoneId.of(merchant.timeZone);
        MemberActivity activity = activities.before(member.id, at, zone);
        return quote(merchant, program, member, activity, campaigns(merchant), item, at);
    }

    /** The merchant's campaigns, read once for a listing that prices many items. */
    public Map<String, CampaignDefinition> campaigns(Merchant merchant) {
        return campaignQueries.definitions(merchant.id);
    }

    /**
     * The same with the member's activity and the merchant's campaigns already read. A pricing rule that names a
     * campaign (a limited-time price) is held to it as an earning rule is: outside its window or audience, or for
     * a campaign the merchant has not defined, it changes nothing, and the quote says why (docs/campaigns.md).
     */
    public PriceQuote quote(Merchant merchant, ActiveProgram program, LoyaltyMember member, MemberActivity activity,
                            Map<String, CampaignDefinition> campaigns, MallItem item, Instant at) {
        EvaluationContext context = EvaluationInputs.context(merchant, member, activity);
        CatalogItem fact = new CatalogItem(item.sku, item.type.name(), item.category, item.basePoints, item.cashPrice,
                catalog.attributes(item));
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneId.of(merchant.timeZone));
        return completed(program.program().quote(context, fact, at, code -> {
            CampaignDefinition d = campaigns.get(code);
            return d == null ? "campaign `" + code + "` is not defined for this merchant: its rules change no price"
                    : d.whyNot(member.tier, member.enrolledOn, member.attributes(), local);
        }));
    }

    static PriceQuote completed(Evaluation<PriceQuote> evaluation) {
        if (evaluation instanceof Evaluation.Completed<PriceQuote> completed) {
            return completed.value();
        }
        if (evaluation instanceof Evaluation.Refused<PriceQuote> refused) {
            List<Problem.FieldError> errors = refused.problems().stream()
                    .map(p -> Problem.FieldError.field(EvaluationInputs.requestField(p.field()), p.message())).toList();
            throw ProblemException.of(ProblemType.RULE_EVALUATION_FAILED, "the item is not valid for pricing: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElse("invalid item"), errors);
        }
        Evaluation.Failed<PriceQuote> failed = (Evaluation.Failed<PriceQuote>) evaluation;
        throw ProblemException.of(ProblemType.RULE_EVALUATION_FAILED,
                failed.kind() + ": " + failed.message() + " (nothing was redeemed)");
    }

    public static List<MallModels.DiscountView> discounts(PriceQuote quote) {
        return quote.discounts().stream().map(d -> new MallModels.DiscountView(d.rule(), d.family(),
                plain(d.percent()), d.pointsOff(), d.reason())).toList();
    }

    /** 10.00 → 10, 2.50 → 2.5, 20.0000 (a money column) → 20: never 1E+1, which JSON readers take as a double. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static List<MallModels.PointsBackView> pointsBack(PriceQuote quote) {
        return quote.pointsBack().stream().map(b -> new MallModels.PointsBackView(b.rule(), b.family(),
                plain(b.percent()), b.points(), b.reason())).toList();
    }

    /** What comes back when paying {@code payment}: on the main price as quoted, else on the option's points. */
    public static long pointsBack(PriceQuote quote, Payment payment) {
        return payment.option() == 0 ? quote.totalPointsBack() : quote.pointsBackOn(payment.points());
    }

    public static List<MallModels.OptionView> options(PriceQuote quote) {
        List<MallModels.OptionView> options = new ArrayList<>();
        for (int i = 0; i < quote.options().size(); i++) {
            var o = quote.options().get(i);
            options.add(new MallModels.OptionView(i + 1, o.points(), o.cash(), o.rule(), o.reason()));
        }
        return options;
    }

    /** What paying with {@code option} costs: 0 (or none) is the main price, n the n-th option. */
    public static Payment payment(PriceQuote quote, Integer option) {
        int chosen = option == null ? 0 : option;
        if (chosen == 0) {
            return new Payment(0, quote.pointsPrice(), quote.cashPart());
        }
        if (chosen > quote.options().size()) {
            throw ProblemException.invalidField("paymentOption", "is " + chosen + " but the rules offer "
                    + (quote.options().isEmpty() ? "no other payment option for this item (use 0, the points price)"
                    : "options 0 to " + quote.options().size()));
        }
        var o = quote.options().get(chosen - 1);
        return new Payment(chosen, o.points(), o.cash());
    }

    public record Payment(int option, long points, BigDecimal cash) {
    }
}
