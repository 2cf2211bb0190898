package io.jifen.admin.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jifen.admin.shared.Inputs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

public final class MemberModels {
    /** A member id as the merchant knows it. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    private MemberModels() {
    }

    /**
     * Enrol or update a member; absent fields keep their value (or their default on enrolment). A
     * change of {@code status} needs a {@code statusReason}, as POST …/freeze does.
     */
    public record MemberRequest(@Size(max = 64) String tier,
                                @Pattern(regexp = MemberStatus.PATTERN, message = "must be ACTIVE or FROZEN")
                                @Schema(enumeration = {"ACTIVE", "FROZEN"}) String status,
                                @Size(max = 500) String statusReason,
                                @Inputs.CalendarDate LocalDate enrolledOn,
                                @Inputs.CalendarDate LocalDate birthday) {
    }

    /**
     * {@code balance}: spendable points (negative only when a refund took back points already spent and
     * the merchant allows it); {@code pending}: points held for the return window.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(String memberId, String tier, MemberStatus status, String frozenReason, LocalDate enrolledOn,
                             LocalDate birthday, long balance, long pending, Instant tierSince, Instant tierReviewAt,
                             Instant createdAt, Instant updatedAt) {
        public static MemberView of(LoyaltyMember m) {
            return new MemberView(m.externalId, m.tier, m.status, m.frozenReason, m.enrolledOn, m.birthday, m.balance,
                    m.pending, m.tierSince, m.tierReviewAt, m.createdAt, m.updatedAt);
        }
    }
}
