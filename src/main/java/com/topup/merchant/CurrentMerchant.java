package com.topup.merchant;

import com.topup.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The merchant of the current request, as authenticated by {@link MerchantAuthenticationMechanism}. */
@ApplicationScoped
public class CurrentMerchant {

    private final SecurityIdentity identity;

    public CurrentMerchant(SecurityIdentity identity) {
        this.identity = identity;
    }

    public AuthenticatedMerchant get() {
        AuthenticatedMerchant merchant = identity.getAttribute(MerchantIdentityProvider.MERCHANT_ATTRIBUTE);
        if (merchant == null) {
            throw new ApiException(401, "MISSING_AUTH_HEADER", "This endpoint needs a signed merchant request");
        }
        return merchant;
    }
}
