package io.jifen.admin.merchant;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.Caller;
import io.jifen.admin.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves the merchant a request names. A key bound to another merchant gets the same 404 as a
 * merchant that does not exist, so keys cannot probe which merchants exist.
 */
@ApplicationScoped
public class Tenancy {
    @Inject
    CallerContext callerContext;

    @Inject
    MerchantDirectory directory;

    public Merchant merchant(String code) {
        Caller caller = callerContext.caller();
        Merchant merchant = directory.byCode(code).orElse(null);
        if (merchant == null || !(caller.isPlatformAdmin() || merchant.id.equals(caller.merchantId()))) {
            throw ProblemException.notFound("merchant `" + code + "`");
        }
        return merchant;
    }
}
