package io.jifen.admin.merchant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a platform admin sends to create or update a merchant. */
public record MerchantRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or dashes")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String timeZone,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
        @NotNull @Valid PointsPolicyModel pointsPolicy) {
}
