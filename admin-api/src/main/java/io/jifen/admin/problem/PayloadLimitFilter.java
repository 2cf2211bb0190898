package io.jifen.admin.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized request with 413 problem+json from its Content-Length, before the body is
 * read. (A chunked upload without Content-Length that exceeds the limit still gets Vert.x's bare 413.)
 */
public class PayloadLimitFilter {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @RouteFilter(100)
    void limit(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodySize.asLongValue()) {
                    // written by hand: this route filter runs before JAX-RS, where no mapper answers
                    ProblemType tooLarge = ProblemType.PAYLOAD_TOO_LARGE;
                    rc.response().setStatusCode(tooLarge.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end("{\"type\":\"" + tooLarge.uri() + "\",\"title\":\"" + tooLarge.title() + "\","
                                    + "\"status\":" + tooLarge.status() + ",\"detail\":\"the request body is larger than "
                                    + maxBodySize.asLongValue() + " bytes\",\"instance\":\"" + rc.request().path()
                                    .replace("\"", "") + "\"}");
                    return;
                }
            } catch (NumberFormatException ignored) {
                // a malformed Content-Length is Vert.x's to reject
            }
        }
        rc.next();
    }
}
