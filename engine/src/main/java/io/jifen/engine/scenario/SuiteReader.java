package io.jifen.engine.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a suite from YAML ({@code .yaml}/{@code .yml}) or JSON. Unknown fields are errors, so a
 * typo in an expectation never silently passes. {@code defaults.given} is merged into every
 * scenario's {@code given}, the scenario's own values winning.
 */
public final class SuiteReader {
    private SuiteReader() {
    }

    public static Suite read(Path path) throws IOException {
        String name = path.getFileName().toString();
        return read(name, Files.readString(path));
    }

    public static Suite read(String fileName, String content) throws IOException {
        ObjectMapper mapper = mapper(fileName.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()));
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(fileName + ": " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        }
        if (root instanceof ObjectNode suite && suite.get("defaults") instanceof ObjectNode defaults
                && suite.get("scenarios") != null) {
            for (JsonNode scenario : suite.get("scenarios")) {
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
        try {
            Suite suite = mapper.treeToValue(root, Suite.class);
            if (suite.scenarios() == null || suite.scenarios().isEmpty()) {
                throw new IOException(fileName + ": a suite needs at least one scenario");
            }
            return suite;
        } catch (JsonMappingException e) {
            throw new IOException(fileName + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
        }
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
