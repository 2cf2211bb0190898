package io.jifen.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code names a class by an import, not inline by its full name ({@code java.util.concurrent.TimeUnit.SECONDS}
 * in the middle of a method, or {@code @jakarta.validation.constraints.Max} on a field): Spotless sorts imports and drops unused ones, but cannot see inline names.
 * A full name stays allowed where the simple name is already taken by another import or a class of the
 * file (two {@code Path}s). Comments, strings and text blocks are not code: rule texts in tests may
 * name any class.
 */
class SourcesImportWhatTheyUseTest {
    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.\"])((?:java|javax|jakarta|io|org|com)\\.(?:[a-z][a-z0-9_]*\\.)+)([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import (?!static )([\\w.]+)\\.(\\w+);", Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)");
    private static final List<String> MODULES = List.of("engine", "engine/cli", "rules", "examples", "admin-api");

    @Test
    void everyModuleImportsTheClassesItNamesInsteadOfWritingThemInline() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> inline = new ArrayList<>();
        int files = 0;
        for (String module : MODULES) {
            try (Stream<Path> sources = Files.walk(root.resolve(module).resolve("src"))) {
                for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    inline.addAll(inlineNames(root.relativize(file).toString(), read(file)));
                }
            }
        }
        assertThat(files).as("the sources were found").isGreaterThan(300);
        assertThat(inline).as("import these instead of naming them inline").isEmpty();
    }

    @Test
    void theCheckSeesInlineNamesAndAnnotationsButNotOnesInAStringACommentOrATextBlockOrAClashingOne() {
        String textBlock = "\"\"\"";
        String source = String.join("\n",
                "package a;",
                "",
                "import jakarta.ws.rs.Path;",
                "",
                "class Sample {",
                "    // java.util.concurrent.TimeUnit in a comment",
                "    String rule = \"java.lang.System.exit(0)\";",
                "    String block = " + textBlock,
                "            java.lang.Runtime.getRuntime()",
                "            " + textBlock + ";",
                "    java.nio.file.Path clashing;",
                "    java.util.concurrent.TimeUnit unit;",
                "    @jakarta.validation.constraints.Max(3) int annotated;",
                "}");

        assertThat(inlineNames("Sample.java", source)).containsExactly("Sample.java:12 java.util.concurrent.TimeUnit",
                "Sample.java:13 jakarta.validation.constraints.Max");
    }

    static List<String> inlineNames(String name, String source) {
        Map<String, String> imported = new HashMap<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            imported.put(imports.group(2), imports.group(1) + "." + imports.group(2));
        }
        Set<String> declared = DECLARED.matcher(source).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        boolean inComment = false;
        boolean inTextBlock = false;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            int quotes = count(line, "\"\"\"");
            if (inTextBlock || quotes % 2 == 1) {
                inTextBlock ^= quotes % 2 == 1;
                continue;
            }
            if (inComment || trimmed.startsWith("/*")) {
                inComment = !line.contains("*/");
                continue;
            }
            if (trimmed.startsWith("*") || trimmed.startsWith("//") || trimmed.startsWith("import ")
                    || trimmed.startsWith("package ")) {
                continue;
            }
            Matcher qualified = QUALIFIED.matcher(code(line));
            while (qualified.find()) {
                String simple = qualified.group(2);
                String full = qualified.group(1) + simple;
                boolean clashes = declared.contains(simple)
                        || (imported.containsKey(simple) && !imported.get(simple).equals(full));
                if (!clashes) {
                    found.add(name + ":" + (i + 1) + " " + full);
                }
            }
        }
        return found;
    }

    /** The line without its string literals and its line comment. */
    private static String code(String line) {
        String withoutStrings = line.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
        int comment = withoutStrings.indexOf("//");
        return comment < 0 ? withoutStrings : withoutStrings.substring(0, comment);
    }

    private static int count(String line, String what) {
        int n = 0;
        for (int at = line.indexOf(what); at >= 0; at = line.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
