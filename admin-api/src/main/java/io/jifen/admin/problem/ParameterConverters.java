package io.jifen.admin.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Whole-number path and query parameters ({@code ?limit=}, {@code ?before=}, {@code /rule-versions/{number}}).
 * JAX-RS answers a value it cannot convert with 404, as if the resource did not exist; a caller who
 * typed {@code ?limit=abc} needs 400 naming {@code limit}. The converter is built per parameter, so it
 * knows the parameter's name; it throws a WebApplicationException because that is the one kind the
 * parameter handler passes on unchanged (anything else it turns into 404).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, Object> parse;
        if (rawType == int.class || rawType == Integer.class) {
            parse = Integer::parseInt;
        } else if (rawType == long.class || rawType == Long.class) {
            parse = Long::parseLong;
        } else {
            return null;
        }
        String name = ParameterNames.of(annotations).orElse("a parameter");
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) parse.apply(value);
                } catch (NumberFormatException e) {
                    throw new WebApplicationException(ProblemException.invalidParameter(name,
                            "must be a whole number (got `" + quoted(value) + "`)"), 400);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** The value as the caller sent it, cut short and without control characters, to be shown back. */
    static String quoted(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?").replace("`", "'");
    }
}
