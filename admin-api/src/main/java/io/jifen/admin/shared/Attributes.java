package io.jifen.admin.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Member attributes (string values integrators set on a member, e.g. {@code city}) and the conditions a
 * campaign's audience puts on them: the bounds both are held to, what a request breaks of them (field →
 * message, in the API's words), and their stored JSON ({@code member.attributes},
 * {@code campaign.audience_attributes}: jsonb objects; null when there are none).
 */
public final class Attributes {
    /** An attribute's name: what a rule writes in {@code attribute("city")}. */
    public static final String NAME_PATTERN = "[a-z][a-zA-Z0-9_]{0,63}";
    public static final int MAX_ATTRIBUTES = 20;
    public static final int MAX_VALUE_LENGTH = 200;
    /** Accepted values one audience condition may list. */
    public static final int MAX_ACCEPTED_VALUES = 50;

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final String NAME_MESSAGE = "is not an attribute name: a lower-case letter, then at most 63 letters,"
            + " digits or underscores";
    // the stored JSON is the service's own, written by write(): a plain mapper reads it back
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<String>>> CONDITIONS = new TypeReference<>() {
    };

    private Attributes() {
    }

    /**
     * What an update of a member's attributes breaks ({@code field} → message), the fields named
     * {@code <prefix>.<name>}: names, values, and the number of attributes the member would have.
     */
    public static Map<String, String> problemsOfValues(String prefix, Map<String, String> update, int resulting) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (update.size() > 2 * MAX_ATTRIBUTES) {
            // removing 20 and setting 20 is the most an update can mean; past it, one problem rather than thousands
            problems.put(prefix, "names " + update.size() + " attributes: a member has at most " + MAX_ATTRIBUTES);
            return problems;
        }
        for (Map.Entry<String, String> e : update.entrySet()) {
            String field = prefix + "." + shown(e.getKey());
            if (!NAME.matcher(e.getKey()).matches()) {
                problems.put(field, NAME_MESSAGE);
            } else if (e.getValue() != null && e.getValue().length() > MAX_VALUE_LENGTH) {
                problems.put(field, "must be at most " + MAX_VALUE_LENGTH + " characters");
            }
        }
        if (problems.isEmpty() && resulting > MAX_ATTRIBUTES) {
            problems.put(prefix, "a member has at most " + MAX_ATTRIBUTES + " attributes (this update would leave "
                    + resulting + ")");
        }
        return problems;
    }

    /** What an audience's attribute conditions break ({@code field} → message), the fields named {@code <prefix>.<name>}. */
    public static Map<String, String> problemsOfConditions(String prefix, Map<String, List<String>> conditions) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (conditions.size() > MAX_ATTRIBUTES) {
            problems.put(prefix, "must name at most " + MAX_ATTRIBUTES + " attributes");
            return problems;
        }
        for (Map.Entry<String, List<String>> e : conditions.entrySet()) {
            String field = prefix + "." + shown(e.getKey());
            List<String> accepted = e.getValue();
            if (!NAME.matcher(e.getKey()).matches()) {
                problems.put(field, NAME_MESSAGE);
            } else if (accepted == null || accepted.isEmpty()) {
                problems.put(field, "must list at least one accepted value");
            } else if (accepted.size() > MAX_ACCEPTED_VALUES) {
                problems.put(field, "must list at most " + MAX_ACCEPTED_VALUES + " accepted values");
            } else {
                for (int i = 0; i < accepted.size(); i++) {
                    String v = accepted.get(i);
                    if (v == null || v.isBlank()) {
                        problems.put(field, "value " + (i + 1) + " is empty: list the values a member's attribute may have");
                        break;
                    }
                    if (v.length() > MAX_VALUE_LENGTH) {
                        problems.put(field, "value " + (i + 1) + " is longer than " + MAX_VALUE_LENGTH + " characters");
                        break;
                    }
                }
            }
        }
        return problems;
    }

    /** A name as a field shows it: a hostile name is cut, so the problem stays readable. */
    private static String shown(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80) + "…";
    }

    /** A member's stored attributes by name (null: none). */
    public static Map<String, String> values(String json) {
        return json == null ? Map.of() : new TreeMap<>(read(json, VALUES));
    }

    /** An audience's stored conditions by attribute name (null: none). */
    public static Map<String, List<String>> conditions(String json) {
        return json == null ? Map.of() : new TreeMap<>(read(json, CONDITIONS));
    }

    /** The JSON to store; null for none. */
    public static String write(Map<String, ?> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise attributes", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored attributes", e);
        }
    }
}
