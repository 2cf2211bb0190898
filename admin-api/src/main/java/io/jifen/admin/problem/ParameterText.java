package io.jifen.admin.problem;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Refuses a path or query parameter holding U+0000 (sent as %00) with 400 naming it. PostgreSQL
 * cannot hold that character in text, so a lookup by such an id fails inside the database (500)
 * instead of finding nothing. Runs after authentication (a higher priority number runs later), so an
 * unauthenticated caller learns nothing about parameters.
 */
public class ParameterText {
    @ServerRequestFilter(priority = Priorities.USER + 10)
    public void noNul(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (p.getKey().indexOf('\0') >= 0) {
                throw ProblemException.invalidParameter(ParameterConverters.quoted(p.getKey()),
                        "is a parameter name holding the NUL character (U+0000)");
            }
            for (String value : p.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ProblemException.invalidParameter(p.getKey(), "must not contain the NUL character (U+0000)");
                }
            }
        }
    }
}
