package com.topup.merchant;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a verified merchant request into a merchant identity (role {@value #ROLE}); the checks need the database, so they run blocking. */
@ApplicationScoped
public class MerchantIdentityProvider implements IdentityProvider<MerchantSignatureRequest> {

    public static final String ROLE = "merchant";
    static final String MERCHANT_ATTRIBUTE = "topup.merchant";

    private final MerchantAuthenticator authenticator;

    public MerchantIdentityProvider(MerchantAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Class<MerchantSignatureRequest> getRequestType() {
        return MerchantSignatureRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(MerchantSignatureRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identityOf(authenticator.authenticate(request.signed(), request.clientAddress())));
    }

    private static SecurityIdentity identityOf(AuthenticatedMerchant merchant) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(merchant.code()))
                .addRole(ROLE)
                .addAttribute(MERCHANT_ATTRIBUTE, merchant)
                .build();
    }
}
