package io.jifen.admin.campaign;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.MoneyJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** API models of campaigns: the definition marketing writes, and the view with status and counters. */
public final class CampaignModels {
    private CampaignModels() {
    }

    /**
     * A campaign. {@code startsAt}/{@code endsAt}: merchant-local wall-clock times, the window being
     * {@code [startsAt, endsAt)}; {@code audience} absent: every member; {@code budget} absent: unlimited;
     * {@code items}: SKUs of the merchant's mall items that belong to it.
     */
    public record CampaignRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and hyphens, starting with a letter or digit") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String theme,
            @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt,
            @Valid Audience audience,
            @Valid Budget budget,
            @Size(max = 200) List<@NotBlank @Size(max = 128) String> items) {
    }

    /**
     * Who the campaign's rules award: members in one of {@code tiers} (none: any tier), enrolled in the dates given,
     * whose attributes each have one of the values {@code attributes} lists for them. All conditions given must hold.
     */
    public record Audience(@Size(max = 20) List<@NotBlank @Size(max = 64) String> tiers, LocalDate enrolledFrom,
                           LocalDate enrolledTo,
                           @Schema(description = "Conditions on member attributes: attribute name → the values it accepts;"
                                   + " a member matches when, for every attribute named, its value is one of those listed"
                                   + " (a member without the attribute does not match), e.g. {\"city\": [\"Shanghai\","
                                   + " \"Hangzhou\"]}. At most 20 attributes, 50 values each, values of at most 200"
                                   + " characters.", maxProperties = 20)
                           Map<String, List<String>> attributes) {
    }

    /** Points the campaign may award: in all, per member, per merchant-local day; absent: no limit. */
    public record Budget(@Positive @Max(Inputs.MAX_POINTS) Long total, @Positive @Max(Inputs.MAX_POINTS) Long perMember,
                         @Positive @Max(Inputs.MAX_POINTS) Long perDay, WhenExhausted whenExhausted) {
    }

    public record CampaignView(String code, String name, String theme, LocalDateTime startsAt, LocalDateTime endsAt,
                               CampaignStatus status, Audience audience, Budget budget, List<String> items,
                               long awarded, Long left, long participants, Instant updatedAt) {
    }

    /**
     * A campaign's metrics, from the counters postings keep: members it awarded, points, what its total budget
     * has left, postings that earned from it, redemptions of its items in its window (and their points), what
     * became of the points it awarded (redeemed, expired), its sales against the time before it, per day.
     */
    public record Metrics(String code, CampaignStatus status, long participants, long awarded, Long budget, Long left,
                          long postings, long redemptions, long redeemedPoints,
                          @Schema(description = "Of the points the campaign awarded, those later spent on redemptions and"
                                  + " debits, net of cancellations (its share of each lot spent; rounded to the point once,"
                                  + " on the total)") long awardedPointsRedeemed,
                          @Schema(description = "Of the points the campaign awarded, those that expired unspent")
                          long awardedPointsExpired,
                          SalesGrowth sales, List<Day> days) {
    }

    /**
     * One merchant-local day: points awarded, postings that earned from the campaign, members it reached first,
     * and what of its points was redeemed (net of cancellations) and expired that day.
     */
    public record Day(LocalDate day, long awarded, long postings, long newParticipants, long redeemed, long expired) {
    }

    /**
     * The campaign's sales (purchases less refunds of its audience's tiers) on the days of its window so far,
     * against the same number of days just before it; {@code growthPercent} is null when there were no sales
     * before it or no day of the window has begun.
     */
    public record SalesGrowth(Period during, Period before,
                              @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING,
                                      format = MoneyJson.FORMAT, description = "(during - before) / before, in per cent,"
                                      + " to one decimal") BigDecimal growthPercent) {
    }

    /** Merchant-local days {@code [from, to)}: purchases and their amounts, refunds and theirs, and the net sales. */
    public record Period(LocalDate from, LocalDate to, long purchases,
                         @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT,
                                 description = MoneyJson.DESCRIPTION) BigDecimal sales,
                         long refunds,
                         @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT,
                                 description = MoneyJson.DESCRIPTION) BigDecimal refunded,
                         @JsonSerialize(using = MoneyJson.class) @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT,
                                 description = MoneyJson.DESCRIPTION) BigDecimal net) {
    }
}
