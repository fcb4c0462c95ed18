package com.topup.merchant;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** What a merchant request presents to be authenticated: the signed parts and the address it came from. */
public final class MerchantSignatureRequest extends BaseAuthenticationRequest {

    private final SignedRequest signed;
    private final String clientAddress;

    public MerchantSignatureRequest(SignedRequest signed, String clientAddress) {
        this.signed = signed;
        this.clientAddress = clientAddress;
    }

    public SignedRequest signed() {
        return signed;
    }

    /** The caller's IP address as Quarkus sees it (the proxy's forwarding headers count only when configured). */
    public String clientAddress() {
        return clientAddress;
    }
}
