package io.jifen.admin.console;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The web console is a static single-page app built by npm into {@code META-INF/resources/console}
 * (see admin-api/pom.xml) and served by Quarkus' static handler at {@code /console/}. Two things the
 * static handler does not do are done here:
 * <ul>
 *   <li>the bare {@code /console} answers 404 there; it is redirected to {@code /console/} (relative
 *   asset URLs in the page only resolve under the slash);</li>
 *   <li>caching: the page itself must be revalidated, so a new deployment's asset names are seen at
 *   once, while the assets carry a content hash in their names and never change.</li>
 * </ul>
 * The console sends the API key in a header from session storage; nothing here sees or needs it.
 */
public class ConsoleRoutes {
    static final String BASE = "/console";

    @RouteFilter(90) // after the request-size and URI-length filters (100, 101), which answer problems first
    void console(RoutingContext rc) {
        String path = rc.request().path();
        if (path == null || !path.startsWith(BASE)) {
            rc.next();
            return;
        }
        if (path.equals(BASE)) {
            String query = rc.request().query();
            rc.response().setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, BASE + "/" + (query == null ? "" : "?" + query)).end();
            return;
        }
        if (path.startsWith(BASE + "/")) {
            String cacheControl = path.startsWith(BASE + "/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
            // set as the headers are written, so the static handler's own caching header does not win
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() == 200 || rc.response().getStatusCode() == 304) {
                    rc.response().headers().set(HttpHeaders.CACHE_CONTROL, cacheControl);
                }
            });
        }
        rc.next();
    }
}
