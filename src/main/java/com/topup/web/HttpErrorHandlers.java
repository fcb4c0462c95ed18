package com.topup.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Errors raised below JAX-RS (no route at all, body over the size limit) get the contract's JSON
 * shape too.
 */
@Singleton
public class HttpErrorHandlers {

    private final long maxBodyBytes;

    public HttpErrorHandlers(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversizeBody);
        router.errorHandler(404, ctx -> respond(ctx, 404, "NOT_FOUND", "No such resource"));
        router.errorHandler(405, ctx -> respond(ctx, 405, "METHOD_NOT_ALLOWED", "Method not allowed on this resource"));
        router.errorHandler(413, ctx -> respond(ctx, 413, "PAYLOAD_TOO_LARGE", "Request body too large"));
    }

    /** A body announced larger than the limit is refused before it is read. */
    private void refuseDeclaredOversizeBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodyBytes) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            respond(ctx, 413, "PAYLOAD_TOO_LARGE", "Request body larger than " + maxBodyBytes + " bytes");
            return;
        }
        ctx.next();
    }

    private static void respond(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }
}
