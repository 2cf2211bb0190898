package io.jifen.admin.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json (RFC 9457). */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.field(fieldOf(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemTypes.uri("invalid-request"), "Invalid request", 422, detail,
                uri.getPath(), errors));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return respond(new Problem(ProblemTypes.uri("malformed-request"), "Malformed request", 400,
                    "unknown field `" + u.getPropertyName() + "`", uri.getPath(),
                    List.of(Problem.FieldError.field(path(u), "is not a known field"))));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            MismatchedInputException m = (MismatchedInputException) e;
            return respond(new Problem(ProblemTypes.uri("malformed-request"), "Malformed request", 400,
                    path(m) + " has the wrong type or format", uri.getPath(),
                    List.of(Problem.FieldError.field(path(m), "has the wrong type or format"))));
        }
        return respond(new Problem(ProblemTypes.uri("malformed-request"), "Malformed request", 400,
                "the body is not valid JSON: " + e.getOriginalMessage(), uri.getPath(), null));
    }

    // Quarkus registers its own mappers for these exact types; ours must name them to win.
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String type = switch (status) {
            case 413 -> "payload-too-large";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        return respond(new Problem(ProblemTypes.uri(type), title, status,
                e.getMessage() == null ? title : e.getMessage(), uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (isDatabaseDown(e)) {
            return respond(new Problem(ProblemTypes.uri("service-unavailable"), "Service unavailable", 503,
                    "the database cannot be reached; retry later (a posting retried with the same id is never applied twice)",
                    uri.getPath(), null));
        }
        Log.error("unexpected failure on " + uri.getPath(), e);
        return respond(new Problem(ProblemTypes.uri("internal-error"), "Internal error", 500,
                "an unexpected error occurred; nothing was written", uri.getPath(), null));
    }

    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server stopping, or starting up after a stop. */
    private static final java.util.Set<String> SERVER_GOING_OR_COMING = java.util.Set.of("57P01", "57P02", "57P03");

    /**
     * Whether the failure comes from losing the database: a connection error (SQLState class 08), or
     * the server shutting down or starting up (57P01-57P03). Suppressed exceptions count too: when
     * the connection breaks during commit, the transaction manager throws a RollbackException whose
     * only trace of the SQL error is a suppressed XAException.
     */
    static boolean isDatabaseDown(Throwable e) {
        java.util.Deque<Throwable> toVisit = new java.util.ArrayDeque<>(List.of(e));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!toVisit.isEmpty() && seen.size() < 64) {
            Throwable t = toVisit.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof java.sql.SQLTransientConnectionException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState())))) {
                return true;
            }
            if (t.getCause() != null) {
                toVisit.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                toVisit.push(suppressed);
            }
        }
        return false;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "create.request.name" → "name": drop the method and parameter segments
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String path(MismatchedInputException e) {
        StringBuilder s = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.length() == 0 ? "(body)" : s.toString();
    }
}
