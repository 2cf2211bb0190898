package io.jifen.admin.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link RetryLater} as problem+json with its Retry-After header (the most specific mapper wins over ProblemException's). */
public class RetryLaterMapper {
    /** Not in HttpHeaders' constants. */
    public static final String RETRY_AFTER = "Retry-After";

    @ServerExceptionMapper
    public Response retryLater(RetryLater e, UriInfo uri) {
        Response problem = ProblemMappers.respond(e.toProblem(uri.getPath()));
        return Response.fromResponse(problem).header(RETRY_AFTER, e.retryAfterSeconds())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
