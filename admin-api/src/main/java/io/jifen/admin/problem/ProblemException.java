package io.jifen.admin.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services to end a request with a problem+json response; nothing has been written when
 * it is thrown inside a transaction, since the transaction rolls back. Its type, status and title
 * come from the {@link ProblemType} catalogue; only the detail, the field errors and the type's own
 * members are the throw site's.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    protected ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
                               Map<String, Object> extensions) {
        super(detail);
        this.status = type.status();
        this.slug = type.slug();
        this.title = type.title();
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, null);
    }

    /** With field-level problems ({@code errors}). */
    public static ProblemException of(ProblemType type, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(type, detail, errors, null);
    }

    /** With members of the problem type's own ({@code extensions}, in order), beside the standard ones. */
    public static ProblemException of(ProblemType type, String detail, List<Problem.FieldError> errors,
                                      Map<String, Object> extensions) {
        return new ProblemException(type, detail, errors, extensions);
    }

    public static ProblemException notFound(String what) {
        return of(ProblemType.NOT_FOUND, what + " does not exist");
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return of(ProblemType.INVALID_REQUEST, detail, errors);
    }

    /** 400 naming a path or query parameter as the API names it ({@code limit}, {@code number}). */
    public static ProblemException invalidParameter(String parameter, String message) {
        return of(ProblemType.INVALID_PARAMETER, parameter + " " + message,
                List.of(Problem.FieldError.field(parameter, message)));
    }

    /** 400 for a body that cannot be read; {@code field} is a JSON path, or "(body)" for the body as a whole. */
    public static ProblemException malformed(String field, String message) {
        return of(ProblemType.MALFORMED_REQUEST, ("(body)".equals(field) ? "the body " : field + " ") + message,
                List.of(Problem.FieldError.field(field, message)));
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + " " + message, List.of(Problem.FieldError.field(field, message)));
    }

    public int status() {
        return status;
    }

    /** Whether this is a problem of {@code type}. */
    public boolean is(ProblemType type) {
        return type.slug().equals(slug);
    }

    public Problem toProblem(String instance) {
        return new Problem(ProblemType.BASE + slug, title, status, getMessage(), instance,
                errors.isEmpty() ? null : errors, extensions);
    }
}
