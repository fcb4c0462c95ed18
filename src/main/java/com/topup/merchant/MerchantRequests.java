package com.topup.merchant;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Authenticates the current HTTP request of a merchant resource. */
@ApplicationScoped
public class MerchantRequests {

    private final MerchantAuthenticator authenticator;

    public MerchantRequests(MerchantAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public AuthenticatedMerchant authenticate(HttpServerRequest http, byte[] body) {
        return authenticator.authenticate(new SignedRequest(
                http.method().name(),
                http.uri(),
                http.getHeader("X-Merchant-Id"),
                http.getHeader("X-Timestamp"),
                http.getHeader("X-Nonce"),
                http.getHeader("X-Signature"),
                body == null ? new byte[0] : body));
    }
}
