package io.jifen.admin.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue and docs/api.md's "Problem types" table name the same types with the same statuses:
 * a client reads the document, the service answers from the enum, and neither may drift.
 */
class ProblemTypeCatalogueTest {
    /** A row of the table: {@code | `member-frozen` | 409 | when |}, or {@code 422 / 503} for a type with two. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([0-9 /]+) \\|");

    @Test
    void everyTypeIsDocumentedWithItsStatusesAndEveryDocumentedTypeExists() throws IOException {
        Map<String, Set<Integer>> documented = documentedTypes();
        Map<String, Set<Integer>> catalogue = Arrays.stream(ProblemType.values()).collect(Collectors.groupingBy(
                ProblemType::slug, TreeMap::new, Collectors.mapping(ProblemType::status, Collectors.toCollection(TreeSet::new))));

        assertThat(documented).as("docs/api.md lists problem types").isNotEmpty();
        assertThat(catalogue).isEqualTo(documented);
    }

    @Test
    void aSlugHasOneTitleAndEveryTypeKeepsItsUri() {
        Map<String, Set<String>> titles = Arrays.stream(ProblemType.values()).collect(Collectors.groupingBy(
                ProblemType::slug, Collectors.mapping(ProblemType::title, Collectors.toSet())));
        assertThat(titles).allSatisfy((slug, t) -> assertThat(t).as(slug).hasSize(1));
        Map<String, Set<String>> slugsByTitle = Arrays.stream(ProblemType.values()).collect(Collectors.groupingBy(
                ProblemType::title, Collectors.mapping(ProblemType::slug, Collectors.toSet())));
        assertThat(slugsByTitle).as("a title names one type").allSatisfy((title, s) -> assertThat(s).as(title).hasSize(1));
        assertThat(ProblemType.MEMBER_FROZEN.uri()).isEqualTo("https://jifen.io/problems/member-frozen");
        assertThat(ProblemException.of(ProblemType.OUT_OF_STOCK, "item `x` is out of stock").toProblem("/p"))
                .isEqualTo(new Problem("https://jifen.io/problems/out-of-stock", "Out of stock", 409,
                        "item `x` is out of stock", "/p", null));
    }

    private static Map<String, Set<Integer>> documentedTypes() throws IOException {
        List<String> lines = Files.readAllLines(apiDoc());
        int start = lines.indexOf("## Problem types");
        assertThat(start).as("docs/api.md has a \"## Problem types\" section").isNotNegative();
        Map<String, Set<Integer>> types = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Set<Integer> statuses = Arrays.stream(row.group(2).split("/")).map(String::strip)
                        .map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
                assertThat(types.put(row.group(1), statuses)).as(row.group(1) + " is listed once").isNull();
            }
        }
        return types;
    }

    /** Tests run in the module's directory; the document is the repository's. */
    private static Path apiDoc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/api.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException("docs/api.md not found above " + Path.of("").toAbsolutePath());
    }
}
