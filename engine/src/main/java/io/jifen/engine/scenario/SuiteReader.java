package io.jifen.engine.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a suite from YAML ({@code .yaml}/{@code .yml}) or JSON. Unknown fields are errors, so a
 * typo in an expectation never silently passes. {@code defaults.given} is merged into every
 * scenario's {@code given}, the scenario's own values winning. A suite that cannot be read is an
 * {@link InvalidSuiteException} naming the line (and key) of the problem.
 */
public final class SuiteReader {
    private SuiteReader() {
    }

    public static Suite read(Path path) throws IOException {
        String name = path.getFileName().toString();
        return read(name, Files.readString(path));
    }

    public static Suite read(String fileName, String content) throws IOException {
        return parse(fileName, content).suite();
    }

    /**
     * Reads a suite and checks, without running it, that every scenario can run: a valid zone and
     * policy, a unique name, exactly one kind of {@code when} with a readable {@code at}, an event's
     * type, a quote's item, a known {@code failed} kind. {@link #read} leaves these to the run, which
     * reports such a scenario as failing; a suite that is stored to gate releases is checked first.
     * Every problem is listed, each at its line.
     */
    public static Suite readChecked(String fileName, String content) throws InvalidSuiteException {
        Parsed parsed = parse(fileName, content);
        List<InvalidSuiteException.Finding> findings = SuiteCheck.problems(parsed.suite(),
                path -> locate(parsed.locations(), path));
        if (!findings.isEmpty()) {
            throw new InvalidSuiteException(fileName, findings, null);
        }
        return parsed.suite();
    }

    private record Parsed(Suite suite, Map<String, JsonLocation> locations) {
    }

    private static Parsed parse(String fileName, String content) throws InvalidSuiteException {
        JsonFactory factory = fileName.endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        ObjectMapper mapper = mapper(new ObjectMapper(factory));
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidSuiteException(fileName, List.of(new InvalidSuiteException.Finding(line(at), column(at),
                    null, syntax(e))), e);
        }
        Map<String, JsonLocation> locations = locations(factory, content);
        if (!(root instanceof ObjectNode suiteNode)) {
            boolean empty = root == null || root.isMissingNode() || root.isNull();
            throw new InvalidSuiteException(fileName, List.of(new InvalidSuiteException.Finding(empty ? null : 1, null,
                    null, empty ? "the suite is empty"
                            : "a suite is a mapping of keys (suite, zone, policy, defaults, scenarios)")), null);
        }
        if (suiteNode.get("defaults") instanceof ObjectNode defaults && suiteNode.get("scenarios") != null) {
            for (JsonNode scenario : suiteNode.get("scenarios")) {
                if (scenario instanceof ObjectNode s) {
                    JsonNode given = s.get("given");
                    ObjectNode merged = defaults.deepCopy();
                    if (given instanceof ObjectNode g) {
                        merge(merged, g);
                    }
                    s.set("given", merged);
                }
            }
        }
        Suite suite;
        try {
            suite = mapper.treeToValue(root, Suite.class);
        } catch (JsonMappingException e) {
            String path = path(e.getPath());
            JsonLocation at = locate(locations, path);
            throw new InvalidSuiteException(fileName, List.of(new InvalidSuiteException.Finding(line(at), column(at),
                    path.isEmpty() ? null : path, describe(e))), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidSuiteException(fileName, List.of(new InvalidSuiteException.Finding(null, null, null,
                    String.valueOf(e.getMessage()))), e);
        }
        if (suite.scenarios() == null || suite.scenarios().isEmpty()) {
            JsonLocation at = locate(locations, "scenarios");
            throw new InvalidSuiteException(fileName, List.of(new InvalidSuiteException.Finding(line(at), column(at),
                    "scenarios", "a suite needs at least one scenario")), null);
        }
        return new Parsed(suite, locations);
    }

    /** A syntax error as the YAML parser states it, without its copy of the text (the line is given apart). */
    private static String syntax(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
        }
        return String.valueOf(e.getOriginalMessage());
    }

    /** What went wrong, in the suite's words (keys and values), not the reader's classes. */
    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getReferringClass() != null && u.getReferringClass().isRecord()
                    ? Arrays.stream(u.getReferringClass().getRecordComponents()).map(RecordComponent::getName).toList()
                    : u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown key `" + u.getPropertyName() + "`" + (known.isEmpty() ? ""
                    : "; the keys here are " + String.join(", ", known));
        }
        if (e instanceof InvalidFormatException f) {
            return "`" + f.getValue() + "` is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType());
        }
        return String.valueOf(e.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right kind";
        }
        if (type == LocalDate.class) {
            return "a date such as 1990-05-05";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping of keys";
    }

    /** A reference path as the suite's keys read: {@code scenarios[1].then.totalPointz}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** Where each key and list element starts in the text, by path; read again as tokens, since a tree keeps no lines. */
    private static Map<String, JsonLocation> locations(JsonFactory factory, String content) {
        Map<String, JsonLocation> index = new HashMap<>();
        try (JsonParser parser = factory.createParser(content)) {
            while (parser.nextToken() != null) {
                index.putIfAbsent(pathOf(parser.getParsingContext()), parser.currentTokenLocation());
            }
        } catch (IOException | RuntimeException e) {
            // the tree was read; lines are a help, and the index holds what was reached
        }
        return index;
    }

    private static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static final Pattern IN_GIVEN = Pattern.compile("scenarios\\[\\d+]\\.given((?:[.\\[].*)?)");

    /**
     * The location of {@code path}, or of the nearest key above it that is written in the text. A
     * scenario's {@code given} may hold keys merged in from {@code defaults}: those are found there.
     */
    static JsonLocation locate(Map<String, JsonLocation> index, String path) {
        String p = path;
        while (true) {
            JsonLocation at = index.get(p);
            if (at != null) {
                return at;
            }
            Matcher given = IN_GIVEN.matcher(p);
            if (given.matches() && index.get("defaults" + given.group(1)) != null) {
                return index.get("defaults" + given.group(1));
            }
            if (p.isEmpty()) {
                return null;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    private static Integer line(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? null : at.getLineNr();
    }

    private static Integer column(JsonLocation at) {
        return at == null || at.getColumnNr() < 1 ? null : at.getColumnNr();
    }

    private static void merge(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (target.get(field.getKey()) instanceof ObjectNode t && field.getValue() instanceof ObjectNode s) {
                merge(t, s);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    static ObjectMapper mapper(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
