package io.jifen.admin.campaign;

import io.jifen.admin.shared.Inputs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

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

    /** Who the campaign's rules award: members in one of {@code tiers} (none: any tier), enrolled in the dates given. */
    public record Audience(@Size(max = 20) List<@NotBlank @Size(max = 64) String> tiers, LocalDate enrolledFrom,
                           LocalDate enrolledTo) {
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
     * has left, postings that earned from it, redemptions of its items in its window (and their points), per day.
     */
    public record Metrics(String code, CampaignStatus status, long participants, long awarded, Long budget, Long left,
                          long postings, long redemptions, long redeemedPoints, List<Day> days) {
    }

    /** One merchant-local day: points awarded, postings that earned from the campaign, members it reached first. */
    public record Day(LocalDate day, long awarded, long postings, long newParticipants) {
    }
}
