package io.jifen.engine.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java or MVEL code into identifiers, literals and symbols, dropping comments. String
 * contents become one literal token, so text inside a reason never looks like code.
 */
final class CodeTokenizer {
    private CodeTokenizer() {
    }

    static List<CodeToken> tokenize(String code) {
        List<CodeToken> tokens = new ArrayList<>();
        int line = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' && code.startsWith("\"\"\"", i)) {
                // a Java text block: its rules differ from a string's, so it is one refused token
                tokens.add(new CodeToken(CodeToken.Kind.SYMBOL, "\"\"\"", line));
                i += 3;
            } else if (c == '\\') {
                // outside a literal a backslash is not Java; it is kept so that the inspector refuses it
                tokens.add(new CodeToken(CodeToken.Kind.SYMBOL, "\\", line));
                i++;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                // a line comment ends at any Java line terminator: a lone CR ends it too (JLS §3.4)
                while (i < n && code.charAt(i) != '\n' && code.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(code, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = skipQuoted(code, i, c);
                tokens.add(new CodeToken(CodeToken.Kind.LITERAL, code.substring(i, end), line));
                line += count(code, i, end);
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                tokens.add(new CodeToken(CodeToken.Kind.IDENTIFIER, code.substring(i, end), line));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '.'
                        || code.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new CodeToken(CodeToken.Kind.LITERAL, code.substring(i, end), line));
                i = end;
            } else if ((c == '-' && next(code, i) == '>') || (c == ':' && next(code, i) == ':')) {
                tokens.add(new CodeToken(CodeToken.Kind.SYMBOL, code.substring(i, i + 2), line));
                i += 2;
            } else {
                tokens.add(new CodeToken(CodeToken.Kind.SYMBOL, String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    private static char next(String code, int i) {
        return i + 1 < code.length() ? code.charAt(i + 1) : '\0';
    }

    private static int skipQuoted(String code, int start, char quote) {
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n' || c == '\r') {
                // a string ends at its quote; a line terminator inside one is a compile error in Java,
                // so the literal is taken to end there rather than hide the next line
                if (c != quote) {
                    return i;
                }
                return i + 1;
            } else {
                i++;
            }
        }
        return code.length();
    }

    private static int count(String code, int from, int to) {
        int lines = 0;
        for (int i = from; i < to && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
