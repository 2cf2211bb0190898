package io.jifen.engine.compile;

import io.jifen.engine.safety.BytecodeCheck;
import io.jifen.engine.safety.ConstraintCheck;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.mvel.MVELDialectRuntimeData;
import org.drools.mvel.asm.InvokerDataProvider;
import org.drools.mvel.expr.MVELCompilationUnit;
import org.drools.mvel.extractors.MVELObjectClassFieldReader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;
import org.mvel2.MVEL;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the checks that read what Drools built, not what the author wrote: {@link BytecodeCheck} on
 * the classes of every package's Java, and {@link ConstraintCheck} on every MVEL expression found
 * in the rules' conditions. Each finding is reported at the rule it belongs to.
 */
final class CompiledCodeCheck {
    /** Where the MVEL units Jifen expects live; a unit anywhere else (an MVEL consequence, say) is refused. */
    private static final Set<String> EXPECTED_UNIT_HOLDERS = Set.of("MVELConstraint#compilationUnit",
            "MVELDataProvider#unit", "MVELSalienceExpression#unit", "MVELEnabledExpression#unit");

    private CompiledCodeCheck() {
    }

    /** {@code ruleAt} gives the authored location of each rule by name. */
    static List<Diagnostic> check(KieBase kieBase, Map<String, Diagnostic> ruleAt) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            InternalKnowledgePackage pkg = (InternalKnowledgePackage) kiePackage;
            Set<String> declared = new HashSet<>();
            for (FactType type : pkg.getFactTypes()) {
                declared.add(type.getName().replace('.', '/'));
            }
            Map<String, String> ruleOfClass = new HashMap<>();
            for (Rule rule : pkg.getRules()) {
                if (((RuleImpl) rule).getConsequence() instanceof InvokerDataProvider invoker) {
                    ruleOfClass.put(pkg.getName().replace('.', '/') + "/" + invoker.getRuleClassName(), rule.getName());
                }
            }
            if (pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java) {
                for (BytecodeCheck.Finding finding : BytecodeCheck.check(java.getStore(), declared)) {
                    String rule = ruleOf(finding.className(), ruleOfClass);
                    diagnostics.add(at(rule, ruleAt, (rule == null ? "generated class " + finding.className() : "its compiled code")
                            + " " + finding.message()));
                }
            }
            MVELDialectRuntimeData mvel = (MVELDialectRuntimeData) pkg.getDialectRuntimeRegistry().getDialectData("mvel");
            for (Rule rule : pkg.getRules()) {
                checkExpressions((RuleImpl) rule, mvel, declared, ruleAt, diagnostics);
            }
        }
        return diagnostics;
    }

    private static String ruleOf(String className, Map<String, String> ruleOfClass) {
        String best = null;
        for (Map.Entry<String, String> entry : ruleOfClass.entrySet()) {
            if (className.startsWith(entry.getKey()) && (best == null || entry.getKey().length() > best.length())) {
                best = entry.getKey();
            }
        }
        return best == null ? null : ruleOfClass.get(best);
    }

    private static void checkExpressions(RuleImpl rule, MVELDialectRuntimeData mvel, Set<String> declared,
                                         Map<String, Diagnostic> ruleAt, List<Diagnostic> diagnostics) {
        Found found = new Found();
        found.walk(rule, "RuleImpl", 0);
        found.unreadable.forEach(path -> diagnostics.add(at(rule.getName(), ruleAt,
                "cannot be checked: Drools' field " + path + " cannot be read")));
        for (Map.Entry<MVELCompilationUnit, String> unit : found.units.entrySet()) {
            String expression = unit.getKey().getExpression();
            if (EXPECTED_UNIT_HOLDERS.stream().noneMatch(unit.getValue()::endsWith)) {
                diagnostics.add(at(rule.getName(), ruleAt, "`" + expression + "` is MVEL code where only Java is allowed"));
                continue;
            }
            if (mvel == null) {
                diagnostics.add(at(rule.getName(), ruleAt, "`" + expression + "` cannot be checked"));
                continue;
            }
            MVELCompilationUnit compilationUnit = unit.getKey();
            Map<String, Class<?>> inputs = new HashMap<>();
            String[] names = compilationUnit.getInputIdentifiers();
            String[] types = compilationUnit.getInputTypes();
            List<String> problems;
            try {
                for (int i = 0; i < names.length; i++) {
                    inputs.put(names[i], MVELCompilationUnit.loadClass(mvel.getParserConfiguration().getClassLoader(), types[i]));
                }
                problems = ConstraintCheck.check(mvel.getParserConfiguration(), inputs,
                        context -> compilationUnit.getCompiledExpression(mvel.getParserConfiguration()),
                        compilationUnit.isStrictMode(), declared);
            } catch (ClassNotFoundException | RuntimeException e) {
                problems = List.of("cannot be checked: " + e.getMessage());
            }
            problems.forEach(p -> diagnostics.add(at(rule.getName(), ruleAt, "the condition `" + expression + "` " + p)));
        }
        for (MVELObjectClassFieldReader reader : found.readers.keySet()) {
            List<String> problems;
            try {
                Class<?> type = mvel.getRootClassLoader().loadClass(reader.getClassName());
                problems = ConstraintCheck.check(mvel.getParserConfiguration(), Map.of("this", type),
                        context -> MVEL.compileExpression(reader.getExpression(), context), reader.isTypeSafe(), declared);
            } catch (ClassNotFoundException | RuntimeException e) {
                problems = List.of("cannot be checked: " + e.getMessage());
            }
            problems.forEach(p -> diagnostics.add(at(rule.getName(), ruleAt, "the binding `" + reader.getExpression() + "` " + p)));
        }
    }

    private static Diagnostic at(String rule, Map<String, Diagnostic> ruleAt, String message) {
        Diagnostic where = rule == null ? null : ruleAt.get(rule);
        String text = (rule == null ? "" : "rule \"" + rule + "\": ") + message;
        return where == null ? new Diagnostic("(rule set)", 0, 0, text)
                : new Diagnostic(where.file(), where.line(), where.column(), text);
    }

    /**
     * Every MVEL expression reachable from a rule: its units and expression readers, found by walking
     * the rule's object graph rather than a list of places, so a holder nobody thought of is still found.
     */
    private static final class Found {
        final Map<MVELCompilationUnit, String> units = new IdentityHashMap<>();
        final List<String> unreadable = new ArrayList<>();
        final Map<MVELObjectClassFieldReader, String> readers = new IdentityHashMap<>();
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        void walk(Object o, String path, int depth) {
            if (o == null || depth > 40 || !seen.add(o)) {
                return;
            }
            if (o instanceof MVELCompilationUnit unit) {
                units.put(unit, path);
                return;
            }
            if (o instanceof MVELObjectClassFieldReader reader) {
                readers.put(reader, path);
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (Object element : (Object[]) o) {
                        walk(element, path + "[]", depth + 1);
                    }
                }
                return;
            }
            if (o instanceof Collection<?> collection) {
                collection.forEach(element -> walk(element, path + "[]", depth + 1));
                return;
            }
            if (o instanceof Map<?, ?> map) {
                map.values().forEach(value -> walk(value, path + "{}", depth + 1));
                return;
            }
            String name = type.getName();
            if (!name.startsWith("org.drools.") || o instanceof ClassLoader || o instanceof InternalKnowledgePackage
                    || name.startsWith("org.drools.core.impl") || name.startsWith("org.drools.kiesession")
                    || type.isEnum()) {
                return;
            }
            for (Class<?> k = type; k != null && k.getName().startsWith("org.drools."); k = k.getSuperclass()) {
                for (Field field : k.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        walk(field.get(o), path + "." + type.getSimpleName() + "#" + field.getName(), depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // Drools is on the class path, so its fields are readable; a field that is not
                        // would hide what it holds, and hiding is not allowed
                        unreadable.add(path + "." + type.getSimpleName() + "#" + field.getName());
                    }
                }
            }
        }
    }
}
