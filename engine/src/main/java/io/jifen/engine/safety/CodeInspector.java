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
    /** Whether the fragment is Java (a consequence) or MVEL (a constraint, binding or {@code from}). */
    enum Kind { CONSEQUENCE, CONSTRAINT }

    /**
     * Bare calls Drools turns into calls on the engine. All are refused: they re-activate rules, the
     * way a rule set recurses through the agenda, and a rule needs none of them to state a decision.
     */
    static final Set<String> ENGINE_CALLS = Set.of("insert", "insertLogical", "update", "modify", "delete",
            "retract");
    /** Words followed by a parenthesis that are not calls. */
    private static final Set<String> NOT_CALLS = Set.of("if", "else", "switch", "return", "in", "new", "not",
            "contains", "memberOf", "instanceof");

    private final Set<String> declaredTypes;
    private final Set<String> declaredMembers;

    CodeInspector(Set<String> declaredTypes, Set<String> declaredMembers) {
        this.declaredTypes = declaredTypes;
        this.declaredMembers = declaredMembers;
    }

    List<Violation> inspect(String code) {
        return inspect(code, Kind.CONSEQUENCE);
    }

    List<Violation> inspect(String source, Kind kind) {
        List<Violation> violations = new ArrayList<>();
        if (source == null || source.isBlank()) {
            return violations;
        }
        // read what the Java compiler will read: escapes decoded first (the file check refuses them anyway)
        String code = UnicodeEscapes.decode(source);
        List<CodeToken> tokens = CodeTokenizer.tokenize(code);
        for (int i = 0; i < tokens.size(); i++) {
            CodeToken token = tokens.get(i);
            if (token.kind() == CodeToken.Kind.SYMBOL) {
                if (token.is("\"\"\"")) {
                    violations.add(new Violation(token.line(), "text blocks (\"\"\") are not allowed in rules"));
                } else if (token.is("\\")) {
                    violations.add(new Violation(token.line(), "a backslash outside a string is not allowed in rules"));
                } else if (kind == Kind.CONSTRAINT && (token.is("[") || token.is("{") || token.is(";"))) {
                    violations.add(new Violation(token.line(), "`" + token.text()
                            + "` is not allowed in a condition: conditions compare facts' fields (no inline lists, blocks or statements)"));
                } else if (kind == Kind.CONSTRAINT && token.is("*") && i + 1 < tokens.size() && tokens.get(i + 1).is("*")) {
                    violations.add(new Violation(token.line(), "`**` is not allowed in a condition: a power grows a number without bound"));
                } else if (kind == Kind.CONSTRAINT && token.is("=") && !partOfOperator(tokens, i)) {
                    violations.add(new Violation(token.line(), "assignments are not allowed in a condition: compare with `==`"));
                } else if (token.is("->")) {
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
            boolean called = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            if (afterDot) {
                if (AllowList.FORBIDDEN_MEMBERS.contains(name)) {
                    violations.add(new Violation(token.line(), forbiddenMember(name)));
                } else if (!allowedMember(name)) {
                    violations.add(new Violation(token.line(), notAllowedMember(name, called)));
                }
                continue;
            }
            if (kind == Kind.CONSTRAINT && (name.equals("matches") || name.equals("soundslike"))) {
                violations.add(new Violation(token.line(), "`" + name
                        + "` is not allowed in rules: a pattern can take hours to match; compare with `==` or `in (...)`"));
                continue;
            }
            if (called && Character.isLowerCase(name.charAt(0)) && !NOT_CALLS.contains(name)
                    && !AllowList.LOOP_KEYWORDS.contains(name) && !AllowList.FORBIDDEN_KEYWORDS.contains(name)
                    && !AllowList.ENGINE_HANDLES.contains(name) && !name.equals("eval")) {
                if (AllowList.FORBIDDEN_MEMBERS.contains(name)) {
                    violations.add(new Violation(token.line(), forbiddenMember(name)));
                } else if (ENGINE_CALLS.contains(name)) {
                    violations.add(new Violation(token.line(), "`" + name + "` is not allowed in rules: it re-activates rules"
                            + " (recursion through the agenda); state decisions through `actions`"));
                } else if (!allowedMember(name)) {
                    violations.add(new Violation(token.line(), notAllowedMember(name, true)));
                }
                continue;
            }
            if (AllowList.LOOP_KEYWORDS.contains(name)) {
                violations.add(new Violation(token.line(),
                        "loops (`" + name + "`) are not allowed in rules: a rule fires once per match"));
            } else if (AllowList.FORBIDDEN_KEYWORDS.contains(name)) {
                violations.add(new Violation(token.line(), "`" + name + "` is not allowed in rules"));
            } else if (ENGINE_CALLS.contains(name)) {
                // bare too: Drools reads `modify` and `update` as its own blocks even without a parenthesis,
                // and its consequence parser fails with an exception of its own on `modify }`
                violations.add(new Violation(token.line(), "`" + name + "` is not allowed in rules: it re-activates rules"
                        + " (recursion through the agenda); state decisions through `actions`"));
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

    private boolean allowedMember(String name) {
        return MemberAllowList.anyTypeAllows(name) || declaredMembers.contains(name);
    }

    private static String notAllowedMember(String name, boolean called) {
        return (called ? "calling `" + name + "`" : "`" + name + "`")
                + " is not allowed in rules: rules may use the fact model, `actions` and the methods listed in the rule authoring guide";
    }

    /** True when an {@code =} belongs to {@code ==}, {@code !=}, {@code <=} or {@code >=}. */
    private static boolean partOfOperator(List<CodeToken> tokens, int i) {
        boolean before = i > 0 && (tokens.get(i - 1).is("=") || tokens.get(i - 1).is("!") || tokens.get(i - 1).is("<")
                || tokens.get(i - 1).is(">"));
        boolean after = i + 1 < tokens.size() && tokens.get(i + 1).is("=");
        return before || after;
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

    /** Checks a name such as {@code File}; returns the index of the last token consumed. */
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
