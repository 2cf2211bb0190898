package io.jifen.admin.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to end a request with a problem+json response; nothing has been written when
 * it is thrown inside a transaction, since the transaction rolls back.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    /** With members of the problem type's own ({@code extensions}, in order), beside the standard ones. */
    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extensions));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", what + " does not exist", null);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, null);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, ProblemTypes.INVALID_REQUEST, "Invalid request", detail, errors);
    }

    /** 400 naming a path or query parameter as the API names it ({@code limit}, {@code number}). */
    public static ProblemException invalidParameter(String parameter, String message) {
        return new ProblemException(400, ProblemTypes.INVALID_PARAMETER, "Invalid parameter", parameter + " " + message,
                List.of(Problem.FieldError.field(parameter, message)));
    }

    /** 400 for a body that cannot be read; {@code field} is a JSON path, or "(body)" for the body as a whole. */
    public static ProblemException malformed(String field, String message) {
        return new ProblemException(400, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                ("(body)".equals(field) ? "the body " : field + " ") + message,
                List.of(Problem.FieldError.field(field, message)));
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + " " + message, List.of(Problem.FieldError.field(field, message)));
    }

    public int status() {
        return status;
    }

    /** The problem type's slug (the last part of its URI). */
    public String type() {
        return type;
    }

    public Problem toProblem(String instance) {
        return new Problem(ProblemTypes.uri(type), title, status, getMessage(), instance,
                errors.isEmpty() ? null : errors, extensions);
    }
}
