package io.jifen.engine.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one constraint or consequence against the {@link AllowList}: no loops, no lambdas, no
 * reflection, no engine handles, no types outside the allow-list, no {@code new} of anything but
 * decimals, collections and the rule file's own declared types.
 */
final class CodeInspector {
    private final Set<String> declaredTypes;

    CodeInspector(Set<String> declaredTypes) {
        this.declaredTypes = declaredTypes;
    }

    List<Violation> inspect(String code) {
        List<Violation> violations = new ArrayList<>();
        if (code == null || code.isBlank()) {
            return violations;
        }
        List<CodeToken> tokens = CodeTokenizer.tokenize(code);
        for (int i = 0; i < tokens.size(); i++) {
            CodeToken token = tokens.get(i);
            if (token.kind() == CodeToken.Kind.SYMBOL) {
                if (token.is("->")) {
                    violations.add(new Violation(token.line(), "lambdas are not allowed in rules"));
                } else if (token.is("::")) {
                    violations.add(new Violation(token.line(), "method references are not allowed in rules"));
                }
                continue;
            }
            if (token.kind() != CodeToken.Kind.IDENTIFIER) {
                continue;
            }
            String name = token.text();
            boolean afterDot = i > 0 && tokens.get(i - 1).is(".");
            if (afterDot) {
                if (AllowList.FORBIDDEN_MEMBERS.contains(name)) {
                    violations.add(new Violation(token.line(), forbiddenMember(name)));
                }
                continue;
            }
            if (AllowList.LOOP_KEYWORDS.contains(name)) {
                violations.add(new Violation(token.line(),
                        "loops (`" + name + "`) are not allowed in rules: a rule fires once per match"));
            } else if (AllowList.FORBIDDEN_KEYWORDS.contains(name)) {
                violations.add(new Violation(token.line(), "`" + name + "` is not allowed in rules"));
            } else if (AllowList.ENGINE_HANDLES.contains(name)) {
                violations.add(new Violation(token.line(), "`" + name
                        + "` gives access to the engine itself and is not allowed: state decisions through `actions`"));
            } else if (name.equals("eval")) {
                violations.add(new Violation(token.line(), "`eval` is not allowed: write the condition as a constraint"));
            } else if (name.equals("new")) {
                i = checkNew(tokens, i, violations);
            } else if (AllowList.PACKAGE_ROOTS.contains(name) && i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
                i = checkQualifiedName(tokens, i, violations);
            } else if (Character.isUpperCase(name.charAt(0)) && !isAllowedType(name)) {
                violations.add(new Violation(token.line(), "`" + name
                        + "` is not allowed in rules: use the fact model, java.time, java.math and collections only"));
            }
        }
        return violations;
    }

    private boolean isAllowedType(String simpleName) {
        return AllowList.isAllowedSimpleType(simpleName) || declaredTypes.contains(simpleName);
    }

    /** Checks {@code new Type(...)}; returns the index of the last token consumed. */
    private int checkNew(List<CodeToken> tokens, int i, List<Violation> violations) {
        CodeToken newToken = tokens.get(i);
        if (i + 1 >= tokens.size() || tokens.get(i + 1).kind() != CodeToken.Kind.IDENTIFIER) {
            violations.add(new Violation(newToken.line(), "`new` must name a type"));
            return i;
        }
        int j = i + 1;
        StringBuilder qualified = new StringBuilder(tokens.get(j).text());
        while (j + 2 < tokens.size() && tokens.get(j + 1).is(".")
                && tokens.get(j + 2).kind() == CodeToken.Kind.IDENTIFIER) {
            qualified.append('.').append(tokens.get(j + 2).text());
            j += 2;
        }
        String type = qualified.toString();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        boolean arrayFollows = j + 1 < tokens.size() && tokens.get(j + 1).is("[");
        if (AllowList.PRIMITIVES.contains(type) || arrayFollows) {
            violations.add(new Violation(newToken.line(), "arrays are not allowed in rules"));
        } else if (!(AllowList.CONSTRUCTIBLE.contains(simple) || declaredTypes.contains(simple))
                || (type.contains(".") && !AllowList.isAllowedQualifiedType(type))) {
            violations.add(new Violation(newToken.line(), "`new " + type
                    + "` is not allowed: rules may only create BigDecimal, collections and their own declared types"));
        } else if (AllowList.EMPTY_ONLY.contains(simple) && !createsEmpty(tokens, j + 1)) {
            violations.add(new Violation(newToken.line(), "create collections empty (`new " + simple
                    + "<>()`): a size or a source collection could exhaust memory"));
        }
        return j;
    }

    /** True when the tokens from {@code i} are an optional {@code <...>} and then {@code ()}. */
    private static boolean createsEmpty(List<CodeToken> tokens, int i) {
        if (i < tokens.size() && tokens.get(i).is("<")) {
            int depth = 0;
            for (; i < tokens.size(); i++) {
                if (tokens.get(i).is("<")) {
                    depth++;
                } else if (tokens.get(i).is(">") && --depth == 0) {
                    i++;
                    break;
                }
            }
        }
        return i + 1 < tokens.size() && tokens.get(i).is("(") && tokens.get(i + 1).is(")");
    }

    /** Checks a name such as {@code java.io.File}; returns the index of the last token consumed. */
    private int checkQualifiedName(List<CodeToken> tokens, int i, List<Violation> violations) {
        StringBuilder qualified = new StringBuilder(tokens.get(i).text());
        int j = i;
        String typeName = null;
        while (j + 2 < tokens.size() && tokens.get(j + 1).is(".")
                && tokens.get(j + 2).kind() == CodeToken.Kind.IDENTIFIER) {
            String segment = tokens.get(j + 2).text();
            qualified.append('.').append(segment);
            j += 2;
            if (Character.isUpperCase(segment.charAt(0))) {
                typeName = qualified.toString();
                break;
            }
        }
        if (typeName == null || !AllowList.isAllowedQualifiedType(typeName)) {
            violations.add(new Violation(tokens.get(i).line(), "`" + (typeName == null ? qualified : typeName)
                    + "` is not allowed in rules: use the fact model, java.time, java.math and collections only"));
        }
        return j;
    }

    private static String forbiddenMember(String name) {
        return switch (name) {
            case "now", "currentTimeMillis", "nanoTime" ->
                    "`" + name + "()` reads the wall clock and makes results depend on when they run: use ProgramCalendar";
            case "random" -> "`random()` makes results non-deterministic";
            default -> "calling `" + name + "` is not allowed in rules";
        };
    }
}
