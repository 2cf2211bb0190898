package io.jifen.admin.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code errors} lists field-level problems (field path, message) or,
 * for rule files, {@code file}, {@code line}, {@code column} and, in a decision table, {@code cell}.
 * {@code extensions} are the type's own members (RFC 9457 §3.2), written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** {@code cell}: the spreadsheet cell of a decision-table problem ({@code D12}, on row {@code line}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, String file, Integer line, Integer column, String cell) {
        public static FieldError field(String field, String message) {
            return new FieldError(field, message, null, null, null, null);
        }
    }
}
