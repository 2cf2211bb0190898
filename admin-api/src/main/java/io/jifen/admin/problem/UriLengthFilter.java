package io.jifen.admin.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;

/**
 * Answers a request whose path and query exceed {@link #MAX_URI_LENGTH} characters with 414
 * problem+json. Vert.x refuses an over-long request line itself, with an empty 414 and no hook to
 * shape it; so its limit ({@code quarkus.http.limits.max-initial-line-length}) is set well above this
 * one, and every request up to it gets this answer instead. Only a request line longer than the
 * Vert.x limit still gets the bare 414.
 */
public class UriLengthFilter {
    /** Far above any real path (ids are at most 128 characters), far below the Vert.x limit. */
    public static final int MAX_URI_LENGTH = 8192;

    @Inject
    ObjectMapper json;

    @RouteFilter(101)
    void limit(RoutingContext rc) throws JsonProcessingException {
        String uri = rc.request().uri();
        if (uri.length() <= MAX_URI_LENGTH) {
            rc.next();
            return;
        }
        Problem problem = ProblemException.of(ProblemType.URI_TOO_LONG, "the path and query are " + uri.length()
                + " characters long; at most " + MAX_URI_LENGTH + " are read").toProblem(null);
        rc.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json.writeValueAsString(problem));
    }
}
