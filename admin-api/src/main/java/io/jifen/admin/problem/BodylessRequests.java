package io.jifen.admin.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A POST, PUT or PATCH with no body and no Content-Type (what {@code curl -X POST} sends) is read as
 * an empty JSON body. Without a Content-Type no reader matches, and the caller would get 415 for a
 * request that sent nothing at all — for "activate this version now", which takes no body, the
 * documented call itself. Read as JSON, an endpoint whose body is optional sees none, and one that
 * needs a body says that the body is missing. A request that names a Content-Type keeps it: a form
 * type, for one, has its (empty) body consumed by the form parser before this filter could matter.
 */
public class BodylessRequests {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void emptyIsJson(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean empty = length == null ? request.getHeaderString("Transfer-Encoding") == null : "0".equals(length.strip());
        if (empty) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
