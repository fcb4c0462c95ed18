package com.topup.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Errors raised below JAX-RS (no route at all, body over the size limit) get the contract's JSON
 * shape too.
 */
@Singleton
public class HttpErrorHandlers {

    void install(@Observes Router router) {
        router.errorHandler(404, ctx -> respond(ctx, 404, "NOT_FOUND", "No such resource"));
        router.errorHandler(405, ctx -> respond(ctx, 405, "METHOD_NOT_ALLOWED", "Method not allowed on this resource"));
        router.errorHandler(413, ctx -> respond(ctx, 413, "PAYLOAD_TOO_LARGE", "Request body too large"));
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
