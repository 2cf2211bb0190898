package io.jifen.admin.campaign;

import io.jifen.admin.shared.Attributes;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A merchant's campaign: its window in merchant-local time ({@code [startsAt, endsAt)}), its audience (tiers,
 * an enrolment window and conditions on member attributes; none given: every member), its budgets and its counters. The counters are written
 * by postings and refunds through {@link CampaignBudgets}, never through this entity.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    public String code;
    public String name;
    public String theme;

    @Column(name = "starts_at")
    public LocalDateTime startsAt;

    @Column(name = "ends_at")
    public LocalDateTime endsAt;

    /** Comma-separated tier names; null: every tier. */
    @Column(name = "audience_tiers")
    public String audienceTiers;

    @Column(name = "enrolled_from")
    public LocalDate enrolledFrom;

    @Column(name = "enrolled_to")
    public LocalDate enrolledTo;

    /** The audience's conditions on member attributes, as stored (JSON: name → accepted values); null: none. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "audience_attributes", columnDefinition = "jsonb")
    public String audienceAttributes;

    @Column(name = "budget_total")
    public Long budgetTotal;

    @Column(name = "budget_per_member")
    public Long budgetPerMember;

    @Column(name = "budget_per_day")
    public Long budgetPerDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "when_exhausted")
    public WhenExhausted whenExhausted;

    @Column(insertable = false, updatable = false)
    public long awarded;

    @Column(insertable = false, updatable = false)
    public long participants;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> tiers() {
        return audienceTiers == null ? List.of() : Arrays.stream(audienceTiers.split(",")).toList();
    }

    /** The audience's conditions on member attributes (empty: none). */
    public Map<String, List<String>> attributeConditions() {
        return Attributes.conditions(audienceAttributes);
    }

    public CampaignStatus status(Instant now, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (local.isBefore(startsAt)) {
            return CampaignStatus.SCHEDULED;
        }
        if (!local.isBefore(endsAt)) {
            return CampaignStatus.ENDED;
        }
        return budgetTotal != null && awarded >= budgetTotal ? CampaignStatus.EXHAUSTED : CampaignStatus.RUNNING;
    }
}
