package com.topup.merchant;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates merchant API requests (CONTRACT §1) from their signature headers and raw body, so a merchant is a
 * {@link SecurityIdentity} as a staff member is. Selected by the merchant resources with
 * {@code @HttpAuthenticationMechanism("merchant")}; any other path is left to the staff's bearer tokens.
 */
@ApplicationScoped
public class MerchantAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = "merchant";
    static final String PATH_PREFIX = "/api/v1/";

    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, "X-Signature", SCHEME);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!isMerchantPath(context)) {
            return Uni.createFrom().nullItem();
        }
        HttpServerRequest http = context.request();
        Buffer body = context.body() == null ? null : context.body().buffer();
        SignedRequest signed = new SignedRequest(
                http.method().name(),
                http.uri(),
                http.getHeader("X-Merchant-Id"),
                http.getHeader("X-Timestamp"),
                http.getHeader("X-Nonce"),
                http.getHeader("X-Signature"),
                body == null ? new byte[0] : body.getBytes());
        SocketAddress remote = http.remoteAddress();
        return identityProviderManager.authenticate(
                new MerchantSignatureRequest(signed, remote == null ? null : remote.hostAddress()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // merchant refusals carry their own status and code (ApiException); there is no challenge to send
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(MerchantSignatureRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    static boolean isMerchantPath(RoutingContext context) {
        String path = context.normalizedPath();
        return path != null && path.startsWith(PATH_PREFIX);
    }
}
