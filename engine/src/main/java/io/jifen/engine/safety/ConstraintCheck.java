package io.jifen.engine.safety;

import org.mvel2.Operator;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;
import org.mvel2.ast.ASTNode;
import org.mvel2.ast.And;
import org.mvel2.ast.BinaryOperation;
import org.mvel2.ast.BooleanNode;
import org.mvel2.ast.Contains;
import org.mvel2.ast.LiteralNode;
import org.mvel2.ast.Negation;
import org.mvel2.ast.Or;
import org.mvel2.ast.Sign;
import org.mvel2.ast.Substatement;
import org.mvel2.ast.TypeCast;
import org.mvel2.ast.Union;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableLiteral;
import org.mvel2.compiler.ExecutableStatement;
import org.mvel2.compiler.ExpressionCompiler;
import org.mvel2.util.ParseTools;
import org.mvel2.util.PropertyTools;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The second line of defence for constraints, {@code from} expressions and bindings, which Drools
 * evaluates with MVEL rather than compiling them to classes: the compiled MVEL tree of each one is
 * walked and every property, method, field and class it reaches is resolved the way MVEL's strict
 * mode resolves it ({@code PropertyTools.getFieldOrAccessor}, {@code ParseTools.getBestCandidate}),
 * then checked against {@link MemberAllowList}. It is closed by default: a node kind it does not
 * know ({@code new}, inline collections, assignments, regular expressions …), a name it cannot
 * resolve, or an expression not compiled in strict mode refuses the rule set.
 *
 * <p>MVEL's optimiser would later "jit" constraints to bytecode built from the same tree; the
 * engine turns jitting off, so what runs is the interpreter walking exactly what was checked.
 */
public final class ConstraintCheck {
    /** How a condition that MVEL's strict compile refuses is reported. */
    public static final String NOT_VALID = "is not a valid condition";

    private final ParserContext context;
    private final ClassLoader classLoader;
    private final Set<String> declaredTypes;
    private final List<String> problems = new ArrayList<>();

    private ConstraintCheck(ParserConfiguration configuration, Map<String, Class<?>> inputs, Set<String> declaredTypes) {
        this.classLoader = configuration.getClassLoader();
        this.declaredTypes = declaredTypes;
        this.context = new ParserContext(configuration);
        context.setStrictTypeEnforcement(true);
        context.setStrongTyping(true);
        inputs.forEach(context::addInput);
    }

    /**
     * What is wrong with one compiled expression; empty when everything it reaches is allowed.
     * {@code compiled} is MVEL's compilation of it with {@code inputs} ({@code $p}, {@code this} …).
     */
    public static List<String> check(ParserConfiguration configuration, Map<String, Class<?>> inputs,
                                     Function<ParserContext, Object> compiled, boolean strict,
                                     Set<String> declaredTypes) {
        ConstraintCheck check = new ConstraintCheck(configuration, inputs, declaredTypes);
        if (!strict) {
            check.problems.add("is not type-safe (`@typesafe(false)`), so what it calls cannot be checked");
        }
        try {
            check.statement((ExecutableStatement) compiled.apply(check.context));
        } catch (RuntimeException e) {
            // MVEL's strict compile refuses it (e.g. a number compared with "APP"): a type error in the
            // condition, which the source check cannot see because it does not know the types
            check.problems.add(NOT_VALID + " (" + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip() + ")");
        }
        return List.copyOf(check.problems);
    }

    private void statement(ExecutableStatement s) {
        if (s == null || s instanceof ExecutableLiteral) {
            return;
        }
        if (s instanceof CompiledExpression compiled) {
            for (ASTNode n = compiled.getFirstNode(); n != null; n = n.nextASTNode) {
                node(n);
            }
        } else if (s instanceof ExecutableAccessor accessor) {
            node(accessor.getNode());
        } else {
            problems.add("uses " + s.getClass().getSimpleName() + ", which constraints may not use");
        }
    }

    private void node(ASTNode n) {
        Class<?> kind = n.getClass();
        if (kind == LiteralNode.class) {
            return;
        }
        if (n instanceof BinaryOperation operation && !ALLOWED_OPERATORS.contains(operation.getOperation())) {
            problems.add("uses an operator (" + operatorName(operation.getOperation())
                    + ") that conditions may not use: compare with ==, !=, <, <=, >, >= and compute with + - * / %");
        } else if (n instanceof BinaryOperation || kind == And.class || kind == Or.class) {
            BooleanNode b = (BooleanNode) n;
            node(b.getLeft());
            node(b.getRight());
        } else if (kind == Negation.class) {
            statement(((Negation) n).getStatement());
        } else if (kind == Substatement.class) {
            statement(((Substatement) n).getStatement());
        } else if (kind == TypeCast.class) {
            statement(((TypeCast) n).getStatement());
        } else if (kind == Sign.class) {
            statement(((Sign) n).getStatement());
        } else if (kind == Contains.class) {
            node(((Contains) n).getFirstStatement());
            node(((Contains) n).getSecondStatement());
        } else if (kind == Union.class) {
            Union union = (Union) n;
            node(union.getMain());
            chain(new String(n.getNameAsArray()), union.getLeftEgressType(), false);
        } else if (kind == ASTNode.class && n.isIdentifier()) {
            chain(n.getName(), null, true);
        } else {
            problems.add("uses `" + n.getName() + "` (" + describe(kind) + "), which constraints may not use");
        }
    }

    /**
     * Comparison, logic and plain arithmetic. Left out: {@code **} (a power grows a number without
     * bound), regular expressions ({@code ~=}, {@code matches}: backtracking), {@code soundslike},
     * bit shifts, string repetition and every assigning operator.
     */
    private static final Set<Integer> ALLOWED_OPERATORS = Set.of(Operator.ADD, Operator.SUB, Operator.MULT, Operator.DIV,
            Operator.MOD, Operator.EQUAL, Operator.NEQUAL, Operator.LTHAN, Operator.GTHAN, Operator.LETHAN,
            Operator.GETHAN, Operator.AND, Operator.OR, Operator.CONTAINS, Operator.INSTANCEOF, Operator.STR_APPEND,
            Operator.BW_AND, Operator.BW_OR, Operator.BW_XOR);

    private static String operatorName(int operation) {
        return switch (operation) {
            case Operator.POWER -> "`**`";
            case Operator.REGEX -> "a regular expression";
            case Operator.SOUNDEX -> "`soundslike`";
            default -> "operator " + operation;
        };
    }

    /** Methods that multiply a number's size; a condition has no reason to call them. */
    private static final Set<String> GROWING = Set.of("java/math/BigDecimal.pow", "java/math/BigInteger.pow",
            "java/math/BigInteger.shiftLeft", "java/math/BigDecimal.scaleByPowerOfTen",
            "java/math/BigDecimal.movePointLeft", "java/math/BigDecimal.movePointRight");

    private static String describe(Class<?> kind) {
        return switch (kind.getSimpleName()) {
            case "NewObjectNode" -> "`new`";
            case "InlineCollectionNode" -> "an inline list, array or map";
            case "RegExMatch" -> "a regular expression: a pattern can backtrack for hours";
            case "AssignmentNode", "DeepAssignmentNode", "IndexedAssignmentNode", "OperativeAssign" -> "an assignment";
            default -> kind.getSimpleName();
        };
    }

    /** Resolves {@code a.b(x).c} step by step, as MVEL's strict mode does; {@code first} when it starts the expression. */
    private void chain(String text, Class<?> start, boolean first) {
        char[] e = text.trim().toCharArray();
        Class<?> ctx = start;
        int i = 0;
        boolean isStatic = false;
        String pendingName = null;
        if (i < e.length && e[i] == '.') {
            i++;
        }
        while (i < e.length) {
            int st = i;
            if (!Character.isJavaIdentifierStart(e[i])) {
                problems.add("`" + text + "` cannot be checked");
                return;
            }
            while (i < e.length && Character.isJavaIdentifierPart(e[i])) {
                i++;
            }
            String name = new String(e, st, i - st);
            while (i < e.length && Character.isWhitespace(e[i])) {
                i++;
            }
            List<char[]> args = null;
            if (i < e.length && e[i] == '(') {
                int close = ParseTools.balancedCapture(e, i, e.length, '(');
                args = ParseTools.parseParameterList(Arrays.copyOfRange(e, i + 1, close), 0, -1);
                i = close + 1;
            }
            while (i < e.length && Character.isWhitespace(e[i])) {
                i++;
            }
            if (i < e.length) {
                if (e[i] != '.') {
                    problems.add("`" + text + "` cannot be checked (`" + e[i] + "`)");
                    return;
                }
                i++;
                if (i < e.length && e[i] == '?') {
                    i++; // null-safe step: the same member
                }
                while (i < e.length && Character.isWhitespace(e[i])) {
                    i++; // MVEL, like Java, allows a line break after the dot
                }
            }
            if (pendingName != null) { // assembling a qualified class name
                String candidate = pendingName + "." + name;
                Class<?> c = classNamed(candidate);
                if (c == null && args == null) {
                    pendingName = candidate;
                    continue;
                }
                if (c != null && args == null) {
                    classReference(c);
                    ctx = c;
                    isStatic = true;
                    pendingName = null;
                    continue;
                }
                problems.add("`" + candidate + "` cannot be resolved");
                return;
            }
            if (first) {
                first = false;
                if (args == null && context.hasVarOrInput(name)) {
                    ctx = context.getVarOrInputType(name);
                    continue;
                }
                if (args == null && context.hasImport(name)) {
                    ctx = context.getImport(name);
                    classReference(ctx);
                    isStatic = true;
                    continue;
                }
                Class<?> thisType = context.hasVarOrInput("this") ? context.getVarOrInputType("this") : null;
                boolean onThis = thisType != null && (args != null
                        ? Arrays.stream(thisType.getMethods()).anyMatch(m -> m.getName().equals(name))
                        : PropertyTools.getFieldOrAccessor(thisType, name) != null);
                if (onThis) {
                    ctx = thisType;
                } else if (args == null) {
                    pendingName = name;
                    continue;
                } else {
                    problems.add("calls `" + name + "`, which cannot be resolved");
                    return;
                }
            }
            if (ctx == null) {
                problems.add("`" + name + "` cannot be resolved");
                return;
            }
            if (args == null) {
                if ("class".equals(name)) {
                    problems.add("names a class object (`.class`), which constraints may not use");
                    return;
                }
                if (isStatic) {
                    Field f = staticField(ctx, name);
                    if (f == null) {
                        problems.add("`" + ctx.getName() + "." + name + "` cannot be resolved");
                        return;
                    }
                    member(f);
                    ctx = f.getType();
                    isStatic = false;
                    continue;
                }
                Member m = PropertyTools.getFieldOrAccessor(ctx, name);
                if (m == null) {
                    problems.add("`" + ctx.getSimpleName() + "." + name + "` cannot be resolved");
                    return;
                }
                member(m);
                ctx = m instanceof Field f ? f.getType() : ((Method) m).getReturnType();
                continue;
            }
            Class<?>[] argTypes = arguments(args);
            Method m = ParseTools.getBestCandidate(argTypes, name, ctx, ctx.getMethods(), true);
            if (m == null) {
                problems.add("calls `" + ctx.getSimpleName() + "." + name + "`, which cannot be resolved");
                return;
            }
            member(m);
            constantArguments(m, args);
            ctx = m.getReturnType();
            isStatic = false;
        }
        if (pendingName != null) {
            problems.add("`" + pendingName + "` cannot be resolved");
        }
    }

    /** Scales, powers, shifts and precisions must be small numbers written in the rule, as in Java consequences. */
    private void constantArguments(Method m, List<char[]> args) {
        String qualified = m.getDeclaringClass().getName().replace('.', '/') + "." + m.getName();
        if (GROWING.contains(qualified)) {
            problems.add("calls `" + m.getName() + "`, which conditions may not use: compute in the consequence, where sizes are checked");
            return;
        }
        if (!MemberAllowList.SMALL_CONSTANT_ARGUMENT.contains(qualified)) {
            return;
        }
        Class<?>[] parameters = m.getParameterTypes();
        for (int j = 0; j < parameters.length && j < args.size(); j++) {
            if (parameters[j] == int.class || parameters[j] == long.class) {
                String text = new String(args.get(j)).trim();
                boolean small = text.matches("-?\\d{1,3}") && Math.abs(Integer.parseInt(text)) <= MemberAllowList.MAX_CONSTANT_ARGUMENT;
                if (!small) {
                    problems.add("calls `" + m.getName() + "` with `" + text + "`: scales, powers, shifts and precisions must be"
                            + " numbers written in the rule between -" + MemberAllowList.MAX_CONSTANT_ARGUMENT + " and "
                            + MemberAllowList.MAX_CONSTANT_ARGUMENT);
                }
            }
        }
    }

    private static Field staticField(Class<?> type, String name) {
        try {
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) ? f : null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private Class<?>[] arguments(List<char[]> args) {
        Class<?>[] types = new Class<?>[args.size()];
        for (int j = 0; j < types.length; j++) {
            CompiledExpression compiled = new ExpressionCompiler(new String(args.get(j)), context).compile();
            types[j] = compiled.getKnownEgressType();
            statement(compiled);
        }
        return types;
    }

    private Class<?> classNamed(String name) {
        try {
            // not initialised: naming a class must not run its static code
            return Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private void classReference(Class<?> type) {
        String internal = type.getName().replace('.', '/');
        if (!(declaredTypes.contains(internal) || AllowList.isAllowedQualifiedType(type.getName())
                || MemberAllowList.isFact(internal))) {
            problems.add("names `" + type.getName() + "`, which constraints may not use");
        }
    }

    private void member(Member m) {
        String owner = m.getDeclaringClass().getName().replace('.', '/');
        if (declaredTypes.contains(owner)) {
            return;
        }
        boolean allowed = m instanceof Method
                ? MemberAllowList.allowsMethod(owner, m.getName())
                : Modifier.isStatic(m.getModifiers()) && MemberAllowList.allowsField(owner, m.getName());
        if (!allowed) {
            problems.add("uses `" + m.getDeclaringClass().getName() + "." + m.getName() + "`, which rules may not use");
        }
    }
}
