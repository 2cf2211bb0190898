package io.jifen.engine.compile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One named file of a rule set; the name's extension says its authoring form. */
public record RuleFile(String name, byte[] content) {
    public RuleFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a rule file needs a name");
        }
        content = content.clone();
    }

    public static RuleFile text(String name, String content) {
        return new RuleFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleFile other && name.equals(other.name) && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "RuleFile[" + name + ", " + content.length + " bytes]";
    }
}
