package io.jifen.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md (the reference people read) and docs/openapi.json (the one clients are generated from,
 * held equal to /q/openapi by OpenApiDocumentIsCheckedInTest) name the same operations: every
 * operation of the document is in a table row of docs/api.md as {@code | `METHOD /path` | roles | what |},
 * and every such row names an operation. Path parameters are compared by place, not by name; the
 * examples in the prose (`GET /merchants/fresh-harbour/me`) are not rows.
 */
class ApiReferenceAgreesWithTheDocumentTest {
    private static final Pattern MENTION = Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/(?:merchants|platform)[^`?\\s]*)[^`]*`");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationIsDocumentedAndEveryDocumentedOperationExists() throws IOException {
        Set<String> inDocument = new TreeSet<>();
        JsonNode paths = new ObjectMapper().readTree(RepositoryFiles.doc("openapi.json").toFile()).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    inDocument.add(method.toUpperCase() + " " + normalized(path.getKey()));
                }
            });
        }
        Set<String> inReference = new TreeSet<>();
        for (String line : Files.readAllLines(RepositoryFiles.doc("api.md"))) {
            Matcher mention = MENTION.matcher(line);
            if (line.startsWith("| `") && mention.find()) {
                inReference.add(mention.group(1) + " " + normalized(mention.group(2)));
            }
        }
        assertThat(inDocument).as("operations in docs/openapi.json").hasSizeGreaterThan(60);
        assertThat(difference(inDocument, inReference)).as("operations missing from docs/api.md").isEmpty();
        assertThat(difference(inReference, inDocument)).as("docs/api.md mentions operations the service has not").isEmpty();
    }

    /** {@code /merchants/{code}/members/{memberId}} → {@code /merchants/{}/members/{}}. */
    static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
