package com.topup.merchant;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Buffers merchant request bodies before authentication: the signature covers the raw body, and Quarkus REST reads a
 * buffered body as if it came from the wire. Limited to the merchant API and to the configured maximum body size.
 */
@Singleton
public class MerchantRequestBodies {

    private final long maxBodyBytes;

    public MerchantRequestBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        BodyHandler buffer = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        // ahead of the authentication handler, whatever the order of HTTP security it runs in
        router.route(MerchantAuthenticationMechanism.PATH_PREFIX + "*")
                .order(-SecurityHandlerPriorities.AUTHENTICATION - 50)
                .handler(ctx -> {
                    ctx.request().resume();
                    buffer.handle(ctx);
                });
        router.route(MerchantAuthenticationMechanism.PATH_PREFIX + "*")
                .order(-SecurityHandlerPriorities.AUTHENTICATION - 49)
                .handler(ctx -> {
                    if (ctx.body().buffer() == null) {
                        // an empty body leaves no buffer, and REST would then wait for bytes the handler above consumed
                        ctx.setBody(Buffer.buffer());
                    }
                    ctx.next();
                });
    }
}
