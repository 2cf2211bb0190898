package io.jifen.admin.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of a DSL vocabulary, as an editor offers them for completion: each mapping line
 * {@code [scope]sentence=expansion} with its scope and the names of its {placeholders}. A pure
 * function of the text; the console parses a merchant's own {@code .dsl} in a draft with the same
 * rules (src/main/webui/src/components/edit/vocabulary.js), so both give the same sentences.
 *
 * <p>Read line by line as Drools reads a DSL file: {@code #} and {@code //} lines are comments;
 * the scope is {@code [when]} or {@code [condition]} (a condition), {@code [then]} or
 * {@code [consequence]} (a consequence), {@code [keyword]}, or {@code [*]} (anywhere); an optional
 * second bracket ({@code [when][Purchase]}) is the object's metadata and is skipped; the sentence
 * ends at the first {@code =} not escaped with a backslash. Lines that are none of these are not
 * sentences and are left out (the engine's compile reports a vocabulary it cannot read).
 */
final class Vocabulary {
    /** The vocabulary shipped with the engine, named by {@code expander loyalty.dsl}. */
    static final String SHIPPED = "loyalty.dsl";
    private static final String SHIPPED_RESOURCE = "/io/jifen/engine/dsl/loyalty.dsl";

    private static final Pattern LINE = Pattern.compile("^\\s*\\[([^\\]]*)\\](?:\\s*\\[[^\\]]*\\])?(.*)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\\}");

    private Vocabulary() {
    }

    /** One sentence: scope {@code condition}, {@code consequence}, {@code keyword} or {@code any}. */
    record Sentence(String scope, String sentence, List<String> placeholders, String expansion, int line) {
    }

    static List<Sentence> parse(String dsl) {
        List<Sentence> sentences = new ArrayList<>();
        String[] lines = dsl.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String scope = scope(m.group(1).strip());
            int equals = unescapedEquals(m.group(2));
            if (scope == null || equals < 0) {
                continue;
            }
            String sentence = m.group(2).substring(0, equals).strip().replace("\\=", "=");
            if (sentence.isEmpty()) {
                continue;
            }
            String expansion = m.group(2).substring(equals + 1).strip();
            sentences.add(new Sentence(scope, sentence, placeholders(sentence), expansion, i + 1));
        }
        return sentences;
    }

    static List<Sentence> shipped() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the engine's vocabulary " + SHIPPED_RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scope(String bracket) {
        return switch (bracket.toLowerCase(Locale.ROOT)) {
            case "when", "condition" -> "condition";
            case "then", "consequence" -> "consequence";
            case "keyword" -> "keyword";
            case "*" -> "any";
            default -> null;
        };
    }

    private static int unescapedEquals(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '=' && (i == 0 || text.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> placeholders(String sentence) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(sentence);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }
}
