package io.jifen.admin.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jifen.admin.shared.Inputs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

public final class MemberModels {
    /** A member id as the merchant knows it. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    private MemberModels() {
    }

    /** What the API says of member attributes, in requests and views. */
    static final String ATTRIBUTES = "String attributes the rules read (`attribute(\"city\")`) and campaign audiences"
            + " may require, e.g. {\"city\": \"Shanghai\"}. Names: a lower-case letter, then at most 63 letters, digits"
            + " or underscores; values: at most 200 characters; at most 20 per member.";

    /**
     * Enrol or update a member; absent fields keep their value (or their default on enrolment). A
     * change of {@code status} needs a {@code statusReason}, as POST …/freeze does. {@code attributes}
     * sets the attributes it names (an empty string or null removes one) and keeps the others.
     */
    public record MemberRequest(@Size(max = 64) String tier,
                                @Pattern(regexp = MemberStatus.PATTERN, message = "must be ACTIVE or FROZEN")
                                @Schema(enumeration = {"ACTIVE", "FROZEN"}) String status,
                                @Size(max = 500) String statusReason,
                                @Inputs.CalendarDate LocalDate enrolledOn,
                                @Inputs.CalendarDate LocalDate birthday,
                                @Schema(description = ATTRIBUTES + " An update sets the attributes it names and keeps"
                                        + " the others; an empty string or null removes one.", maxProperties = 20)
                                Map<String, String> attributes) {
    }

    /**
     * {@code balance}: spendable points (negative only when a refund took back points already spent and
     * the merchant allows it); {@code pending}: points held for the return window.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(String memberId, String tier, MemberStatus status, String frozenReason, LocalDate enrolledOn,
                             LocalDate birthday,
                             @Schema(description = ATTRIBUTES + " Empty when the member has none.")
                             Map<String, String> attributes,
                             long balance, long pending, Instant tierSince, Instant tierReviewAt,
                             Instant createdAt, Instant updatedAt) {
        public static MemberView of(LoyaltyMember m) {
            return new MemberView(m.externalId, m.tier, m.status, m.frozenReason, m.enrolledOn, m.birthday,
                    m.attributes(), m.balance, m.pending, m.tierSince, m.tierReviewAt, m.createdAt,
                    m.updatedAt);
        }
    }
}
