package io.jifen.engine.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Java's Unicode escapes (JLS §3.3). javac and ECJ translate {@code \u0022} into {@code "} before
 * they tokenize anything, so code can hide inside what looks like a string or a comment. Two uses:
 * {@link #decode} gives the text the Java compiler sees, so inspection reads what will be compiled;
 * {@link #firstIn} finds an escape in a rule file, which is refused outright — merchants type every
 * character directly in UTF-8 and need no escapes.
 */
public final class UnicodeEscapes {
    private UnicodeEscapes() {
    }

    /** The text as the Java compiler reads it: every eligible {@code \\u+XXXX} replaced by its character. */
    public static String decode(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int end = escapeEnd(text, i);
            if (end > 0) {
                // a character produced by an escape never starts another escape (JLS §3.3)
                out.append((char) Integer.parseInt(text.substring(end - 4, end), 16));
                i = end;
            } else {
                // a raw backslash that is not an escape: it and the one after it are taken as they are,
                // so `\\u0041` stays six characters (the second backslash is preceded by an odd number)
                out.append(c);
                if (i + 1 < n && text.charAt(i + 1) == '\\') {
                    out.append('\\');
                    i += 2;
                } else {
                    i++;
                }
            }
        }
        return out.toString();
    }

    /**
     * The 1-based line of the first backslash followed by {@code u} in the text, eligible or not:
     * refusing every form is simpler to explain than JLS eligibility, and no rule needs one.
     */
    public static OptionalInt firstIn(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')) {
                return OptionalInt.of(line);
            }
        }
        return OptionalInt.empty();
    }

    /** Lines (1-based) of every backslash-u in the text. */
    public static List<Integer> linesIn(String text) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')
                    && (lines.isEmpty() || lines.get(lines.size() - 1) != line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    public static final String ADVICE = "a Unicode escape (\\u…) is not allowed in rule files: type the character itself"
            + " (files are UTF-8), because the Java compiler would read the escape as code";

    /** End index (exclusive) of the escape starting at {@code i}, or -1 when the backslash starts none. */
    private static int escapeEnd(String text, int i) {
        int backslashesBefore = 0;
        for (int k = i - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
            backslashesBefore++;
        }
        if (backslashesBefore % 2 != 0) {
            return -1;
        }
        int j = i + 1;
        if (j >= text.length() || text.charAt(j) != 'u') {
            return -1;
        }
        while (j < text.length() && text.charAt(j) == 'u') {
            j++;
        }
        if (j + 4 > text.length()) {
            return -1;
        }
        for (int k = j; k < j + 4; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return -1;
            }
        }
        return j + 4;
    }
}
