package io.jifen.admin.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.jifen.admin.config.StrictJsonInput;
import io.jifen.admin.shared.Cursor;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every error leaves as application/problem+json (RFC 9457). Details are written here, in the API's
 * words: a library's exception message names its own classes and settings
 * ({@code JsonReadFeature...}, {@code StreamReadConstraints...}), which tell a caller nothing about
 * what to change, so none is ever passed through.
 */
public class ProblemMappers {
    /** What a body that is not JSON at all is told. */
    static final String NOT_JSON = "is not valid JSON";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    /**
     * Bean Validation: a body field → 422 invalid-request naming its JSON path; a path or query
     * parameter → 400 invalid-parameter naming it as the URL does; a missing body → 400.
     */
    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> body = new ArrayList<>();
        List<Problem.FieldError> parameters = new ArrayList<>();
        boolean bodyMissing = false;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            Field field = fieldOf(v);
            if (field.parameter()) {
                parameters.add(Problem.FieldError.field(field.name(), v.getMessage()));
            } else if (field.name().isEmpty()) {
                bodyMissing = true;
            } else {
                body.add(Problem.FieldError.field(field.name(), v.getMessage()));
            }
        }
        if (!parameters.isEmpty()) {
            parameters.sort(Comparator.comparing(Problem.FieldError::field));
            return problem(ProblemException.of(ProblemType.INVALID_PARAMETER, joined(parameters), parameters), uri);
        }
        if (bodyMissing) {
            return problem(ProblemException.malformed("(body)", "is missing; send the request as a JSON object"), uri);
        }
        body.sort(Comparator.comparing(Problem.FieldError::field));
        return problem(ProblemException.invalid(joined(body), body), uri);
    }

    /** A {@code ?cursor=} no list gave: 400 naming it, as for any other parameter. */
    @ServerExceptionMapper
    public Response invalidCursor(Cursor.Invalid e, UriInfo uri) {
        return problem(ProblemException.invalidParameter("cursor", e.getMessage()), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return problem(ProblemException.malformed(path(u), "is not a known field"), uri);
        }
        if (e instanceof MismatchedInputException m) {
            return problem(ProblemException.malformed(path(m), expected(m)), uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // a whole number too large for its field arrives as a mapping error wrapping the parser's
            return problem(ProblemException.malformed(path(mapping), mapping.getCause() instanceof InputCoercionException
                    ? "must be a whole number within the field's range, written without a decimal point or exponent"
                    : "has the wrong type or format"), uri);
        }
        return problem(ProblemException.malformed("(body)", NOT_JSON + where(e.getLocation()) + hint(e)), uri);
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
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri); // raised where a WebApplicationException must carry it (parameter converters)
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type;
        String detail;
        switch (status) {
            case 400 -> {
                type = ProblemType.MALFORMED_REQUEST;
                detail = "the request cannot be read; see docs/api.md for the form this endpoint takes";
            }
            case 404 -> {
                type = ProblemType.NOT_FOUND;
                detail = "there is nothing at this path";
            }
            case 405 -> {
                type = ProblemType.METHOD_NOT_ALLOWED;
                detail = "this path does not take this method" + allowed(e);
            }
            case 406 -> {
                type = ProblemType.NOT_ACCEPTABLE;
                detail = "this endpoint cannot answer in any type the Accept header allows; accept application/json";
            }
            case 413 -> {
                type = ProblemType.PAYLOAD_TOO_LARGE;
                detail = "the request body is larger than this endpoint reads";
            }
            case 415 -> {
                type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
                MediaTypeOf sent = MediaTypeOf.of(headers);
                detail = (sent.present() ? "this endpoint does not read a body of type " + sent.value()
                        : "the body has no Content-Type") + "; send application/json (docs/api.md names the other types an endpoint reads)";
            }
            default -> {
                // a status the framework raises that no endpoint means to answer: named after the status,
                // outside the catalogue, since no caller can be told in advance what it means
                Response.Status known = Response.Status.fromStatusCode(status);
                // in sentence case, as the catalogue's titles are ("Gone", "Request timeout")
                String title = known == null ? "Error"
                        : known.getReasonPhrase().charAt(0) + known.getReasonPhrase().substring(1).toLowerCase(Locale.ROOT);
                return respond(new Problem(ProblemType.BASE + "http-" + status, title, status, title, uri.getPath(), null));
            }
        }
        return problem(ProblemException.of(type, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (isDatabaseDown(e)) {
            return problem(ProblemException.of(ProblemType.SERVICE_UNAVAILABLE,
                    "the database cannot be reached; retry later (a posting retried with the same id is never applied twice)"), uri);
        }
        Log.error("unexpected failure on " + uri.getPath(), e);
        return problem(ProblemException.of(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; nothing was written"), uri);
    }

    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server stopping, or starting up after a stop. */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    /**
     * Whether the failure comes from losing the database: a connection error (SQLState class 08), or
     * the server shutting down or starting up (57P01-57P03). Suppressed exceptions count too: when
     * the connection breaks during commit, the transaction manager throws a RollbackException whose
     * only trace of the SQL error is a suppressed XAException.
     */
    static boolean isDatabaseDown(Throwable e) {
        Deque<Throwable> toVisit = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!toVisit.isEmpty() && seen.size() < 64) {
            Throwable t = toVisit.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLTransientConnectionException
                    || (t instanceof SQLException sql && sql.getSQLState() != null
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

    private static String joined(List<Problem.FieldError> errors) {
        return errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }

    /** A violation's field as the API names it; {@code parameter} when it is a path or query parameter. */
    record Field(String name, boolean parameter) {
    }

    /**
     * Built from the path's nodes, never from its text: the text starts with the Java method and
     * parameter names ("purchase.request.lines[0].<list element>"), which mean nothing to a caller.
     */
    static Field fieldOf(ConstraintViolation<?> v) {
        StringBuilder name = new StringBuilder();
        Path.MethodNode method = null;
        for (Path.Node node : v.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                Optional<String> parameter = method == null ? Optional.empty()
                        : parameterName(v.getRootBeanClass(), method, node.as(Path.ParameterNode.class).getParameterIndex());
                if (parameter.isPresent()) {
                    return new Field(parameter.get(), true);
                }
                continue; // the body: its fields follow
            }
            if (kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN && node.getName() != null) {
                name.append(name.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return new Field(name.toString(), false);
    }

    private static final Set<Class<? extends Annotation>> NAMING = Set.of(QueryParam.class,
            PathParam.class, HeaderParam.class, FormParam.class,
            RestQuery.class, RestPath.class,
            RestForm.class, RestHeader.class);

    /** The URL's (or form's) name of a resource method's parameter; empty for the body. */
    static Optional<String> parameterName(Class<?> resource, Path.MethodNode methodNode, int index) {
        // the bean may be a generated subclass: its overriding method carries no parameter annotations
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            Method m;
            try {
                m = c.getDeclaredMethod(methodNode.getName(), methodNode.getParameterTypes().toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                continue;
            }
            Optional<String> name = ParameterNames.of(m.getParameterAnnotations()[index]);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** What a value of the field's type looks like, for a value that was not one. */
    private static String expected(MismatchedInputException m) {
        if (m instanceof InvalidFormatException f && f.getValue() instanceof String s && s.indexOf('\0') >= 0
                && m.getOriginalMessage() != null && m.getOriginalMessage().contains(StrictJsonInput.NUL_MESSAGE)) {
            return "must not contain the NUL character (U+0000)";
        }
        Class<?> type = m.getTargetType();
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be a whole number within the field's range, written without a decimal point or exponent";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "must be a decimal number";
        }
        if (type == Instant.class) {
            return "must be an instant such as 2026-11-10T03:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 1990-05-17";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The one thing to change, for the faults a caller can make without meaning to. */
    private static String hint(JsonProcessingException e) {
        String raw = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (raw.contains("nesting depth")) {
                return ": arrays and objects nest too deeply (at most 1000 levels)";
            }
            if (raw.contains("Number value length") || raw.contains("Number length")) {
                return ": a number has too many digits (at most 1000)";
            }
            if (raw.contains("String value length") || raw.contains("String length")) {
                return ": a string is too long";
            }
            return ": the body is larger than the service reads";
        }
        if (e instanceof JsonParseException) {
            if (raw.contains("NaN") || raw.contains("Infinity") || raw.contains("INF")) {
                return ": NaN and Infinity are not JSON numbers; send a number";
            }
            if (raw.contains("end-of-input") || raw.contains("No content")) {
                return ": the body ends before the JSON does";
            }
            if (raw.contains("control character") || raw.contains("CTRL-CHAR")) {
                return ": a string holds a raw control character; escape it";
            }
        }
        return "";
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.length() == 0 ? "(body)" : s.toString();
    }

    private static String allowed(WebApplicationException e) {
        Set<String> methods = e.getResponse().getAllowedMethods();
        return methods.isEmpty() ? "" : "; it takes " + String.join(", ", new TreeSet<>(methods));
    }

    /** The Content-Type a request was sent with, for saying what the endpoint did not read. */
    record MediaTypeOf(String value) {
        static MediaTypeOf of(HttpHeaders headers) {
            String raw = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            if (raw == null || raw.isBlank()) {
                return new MediaTypeOf(null);
            }
            // quoted back to the caller: only the type itself, at most a short one, nothing that could be markup
            String type = raw.split(";", 2)[0].strip();
            return new MediaTypeOf(type.length() > 100 || !type.matches("[A-Za-z0-9!#$&^_.+*/-]+") ? "(unreadable)" : type);
        }

        boolean present() {
            return value != null;
        }
    }
}
