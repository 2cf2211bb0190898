package io.jifen.admin.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists field-level problems (field path, message) or,
 * for rule files, {@code file}, {@code line}, {@code column}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, String file, Integer line, Integer column) {
        public static FieldError field(String field, String message) {
            return new FieldError(field, message, null, null, null);
        }
    }
}
