package com.topup.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The console (admin-ui/, served by Quinoa under /admin/) is a single-page app: a reload or a bookmark of one of its
 * routes (/admin/dashboard, /admin/rules/routing) must get its index.html, which then shows that route.
 *
 * <p>Quinoa's own SPA routing cannot do it here: its route is ordered after Quarkus REST, which is mounted at the
 * root and answers 404 itself for any path no resource matches (Quarkus 3.33 only passes such paths on when a
 * servlet container is present; {@code quarkus.rest.resume-on404} has no effect). So this route runs before the
 * static files and REST: a console page path is rerouted to /admin/, where the static index.html answers. The staff
 * API (/admin/api/...) and files (a last segment with a dot, e.g. /admin/assets/index-1a2b.js) are left alone, so
 * an unknown API path or a missing file still gets the contract's JSON 404 (HttpErrorHandlers).
 *
 * <p>index.html itself is never cached (it names the hashed bundles of the current build); the hashed bundles keep
 * the long cache the static handler gives them. /admin without its slash is redirected to /admin/.
 */
@Singleton
public class ConsolePages {

    static final String ROOT = "/admin/";
    private static final String API = "/admin/api";
    /** Before the static resources (RouteConstants.ROUTE_ORDER_DEFAULT) and Quinoa's dev proxy (1100). */
    private static final int ORDER = 1_000;

    void install(@Observes Router router) {
        router.route(ROOT + "*").order(ORDER).handler(this::route);
    }

    private void route(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals(ROOT.substring(0, ROOT.length() - 1)) && isRead(ctx.request().method())) {
            String query = ctx.request().query();
            ctx.redirect(query == null ? ROOT : ROOT + "?" + query);
            return;
        }
        if (!isPageRequest(ctx.request().method(), path)) {
            ctx.next();
            return;
        }
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache"));
        if (isIndex(path)) {
            ctx.next();
        } else {
            ctx.reroute(ROOT);
        }
    }

    /** A GET or HEAD of the console's index or of one of its routes, not of the staff API or a file. */
    static boolean isPageRequest(HttpMethod method, String path) {
        if (!isRead(method)) {
            return false;
        }
        if (path == null || !path.startsWith(ROOT) || path.equals(API) || path.startsWith(API + "/")) {
            return false;
        }
        return isIndex(path) || !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    private static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    private static boolean isIndex(String path) {
        return path.equals(ROOT) || path.equals(ROOT + "index.html");
    }
}
