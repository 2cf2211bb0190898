package io.jifen.admin.problem;

import java.util.List;

/**
 * Thrown by services to end a request with a problem+json response; nothing has been written when
 * it is thrown inside a transaction, since the transaction rolls back.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", null);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, null);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "invalid-request", "Invalid request", detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + " " + message, List.of(Problem.FieldError.field(field, message)));
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(ProblemTypes.uri(type), title, status, getMessage(), instance,
                errors.isEmpty() ? null : errors);
    }
}
