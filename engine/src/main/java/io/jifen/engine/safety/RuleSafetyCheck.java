package io.jifen.engine.safety;

import io.jifen.engine.evaluation.Phase;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates one parsed DRL source (written by hand, expanded from DSLR or generated from a decision
 * table) before Drools compiles it. Returns every violation with its DRL line; an empty list means
 * the source may be compiled.
 */
public final class RuleSafetyCheck {
    public static final String ACTIONS_GLOBAL = "actions";

    /**
     * Marks the line an annotation was written on when the compiler moved it to its rule's line (Drools reads
     * rule metadata only there): a finding about the annotation names the line its author wrote it on.
     */
    public static final String MOVED_ANNOTATION = "//@moved to the rule's line: @";

    /** A problem at a DRL line of the checked source. */
    public record Finding(int drlLine, String message) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private final String[] drlLines;
    private CodeInspector inspector;
    private Set<String> declaredTypes = Set.of();

    private RuleSafetyCheck(String drl) {
        this.drlLines = drl.split("\n", -1);
    }

    /** Checks the parsed package; {@code drl} is the text it was parsed from, for exact consequence lines. */
    public static List<Finding> check(PackageDescr pkg, String drl) {
        RuleSafetyCheck check = new RuleSafetyCheck(drl);
        check.run(pkg);
        return List.copyOf(check.findings);
    }

    private void run(PackageDescr pkg) {
        Set<String> declared = new HashSet<>();
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            declared.add(type.getTypeName());
        }
        for (EnumDeclarationDescr e : pkg.getEnumDeclarations()) {
            declared.add(e.getTypeName());
        }
        declaredTypes = declared;
        Set<String> declaredMembers = new HashSet<>();
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            for (String field : type.getFields().keySet()) {
                String capitalised = Character.toUpperCase(field.charAt(0)) + field.substring(1);
                declaredMembers.addAll(List.of(field, "get" + capitalised, "set" + capitalised, "is" + capitalised));
            }
        }
        inspector = new CodeInspector(declared, declaredMembers);

        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            boolean allowed = target.endsWith(".*")
                    ? AllowList.isAllowedWildcardImport(target.substring(0, target.length() - 2))
                    : AllowList.isAllowedQualifiedType(target);
            if (!allowed) {
                add(imp, "import of `" + target
                        + "` is not allowed: import the fact model (io.jifen.engine.facts), java.time, java.math or collections");
            }
        }
        pkg.getFunctionImports().forEach(f -> add(f, "`import function` is not allowed in rules"));
        pkg.getAccumulateImports().forEach(a -> add(a, "`import accumulate` is not allowed in rules"));
        pkg.getFunctions().forEach(f -> add(f, "`function` declarations are not allowed in rules: "
                + "rules may only state decisions through `actions`"));
        for (GlobalDescr global : pkg.getGlobals()) {
            boolean actions = ACTIONS_GLOBAL.equals(global.getIdentifier())
                    && (global.getType().equals("RuleActions")
                    || global.getType().equals(AllowList.FACTS_PACKAGE + ".RuleActions"));
            if (!actions) {
                add(global, "global `" + global.getIdentifier()
                        + "` is not allowed: the only global is `global RuleActions actions;`");
            }
        }
        for (AttributeDescr attribute : pkg.getAttributes()) {
            checkAttribute(attribute, true);
        }
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            add(type, "`declare` is not allowed in rules: rules match the fact model, and with `insert` refused"
                    + " a declared type could never be matched");
            checkAnnotations(type);
            type.getFields().values().forEach(this::checkAnnotations);
            checkDeclaredType(type, declared);
        }
        for (EnumDeclarationDescr e : pkg.getEnumDeclarations()) {
            add(e, "`declare enum` is not allowed in rules: compare with text, e.g. `tier == \"GOLD\"`");
        }
        pkg.getWindowDeclarations().forEach(w -> add(w, "`declare window` is not allowed in rules"));
        pkg.getEntryPointDeclarations().forEach(e -> add(e, "entry points are not allowed in rules"));
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
    }

    private void checkDeclaredType(TypeDeclarationDescr type, Set<String> declared) {
        if (type.getSuperTypeName() != null && !type.getSuperTypeName().equals("Object")
                && !declared.contains(type.getSuperTypeName())) {
            add(type, "declared type `" + type.getTypeName() + "` may only extend another declared type");
        }
        for (Map.Entry<String, TypeFieldDescr> field : type.getFields().entrySet()) {
            String fieldType = field.getValue().getPattern() == null ? null
                    : field.getValue().getPattern().getObjectType();
            if (fieldType != null && !isAllowedTypeName(fieldType, declared)) {
                add(field.getValue(), "field `" + field.getKey() + "` of `" + type.getTypeName()
                        + "` has type `" + fieldType + "`, which is not allowed in rules");
            }
            inspectCondition(field.getValue().getInitExpr(), field.getValue().getLine());
        }
    }

    private static boolean isAllowedTypeName(String type, Set<String> declared) {
        String base = type.replaceAll("<.*>", "").trim();
        if (base.endsWith("[]")) {
            return false;
        }
        return AllowList.PRIMITIVES.contains(base) || declared.contains(base)
                || AllowList.isAllowedQualifiedType(base);
    }

    /**
     * Drools evaluates annotation values with MVEL while it builds the rule set, before any check of
     * the compiled code could run: {@code @meta(java.lang.System.exit(0))} would run at upload. Only
     * literals and plain names are allowed, e.g. {@code @campaign("spring-sale")}, {@code @watch(total)}.
     */
    private void checkAnnotations(AnnotatedBaseDescr descr) {
        for (AnnotationDescr annotation : descr.getAnnotations()) {
            for (Object value : annotation.getValueMap().values()) {
                String text = value == null ? "" : value.toString().strip();
                if (!(value instanceof String) || !SAFE_ANNOTATION_VALUE.matcher(text).matches()) {
                    findings.add(new Finding(annotationLine(annotation, descr), "annotation `@" + annotation.getName()
                            + "` may only hold text in quotes, a number or plain names: Drools evaluates anything else while it builds"));
                }
            }
        }
    }

    /** Drools gives annotations no line of their own: the first line from their owner's that names them. */
    private int annotationLine(AnnotationDescr annotation, BaseDescr owner) {
        if (annotation.getLine() > 0) {
            return annotation.getLine();
        }
        int from = Math.max(owner.getLine(), 1);
        for (int i = from - 1; i < drlLines.length && !drlLines[i].strip().startsWith("when"); i++) {
            if (drlLines[i].strip().startsWith(MOVED_ANNOTATION + annotation.getName())) {
                return i + 1;
            }
        }
        for (int i = from - 1; i < drlLines.length; i++) {
            if (drlLines[i].contains("@" + annotation.getName())) {
                return i + 1;
            }
        }
        return Math.max(owner.getLine(), 0);
    }

    private static final Pattern SAFE_ANNOTATION_VALUE = Pattern.compile(
            "\"[^\"\\\\]*\"|-?\\d+(\\.\\d+)?[a-z]{0,2}|!?[A-Za-z_][A-Za-z0-9_]*(\\s*,\\s*!?[A-Za-z_][A-Za-z0-9_]*)*|");

    private void checkRule(RuleDescr rule) {
        checkAnnotations(rule);
        String what = rule.isQuery() ? "query" : "rule";
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            checkAttribute(attribute, false);
        }
        AttributeDescr phaseAttribute = phaseAttribute(rule);
        String phase = phaseAttribute == null ? null : phaseAttribute.getValue();
        if (!rule.isQuery()) {
            if (phase == null) {
                add(rule, what + " \"" + rule.getName() + "\" declares no phase: add `ruleflow-group` (or `agenda-group`) with one of "
                        + Phase.names());
            } else if (Phase.ofAgendaGroup(phase).isEmpty()) {
                add(rule, what + " \"" + rule.getName() + "\" names phase \"" + phase + "\", which does not exist: use one of "
                        + Phase.names());
            }
        }
        linePatterns = 0;
        checkConditions(rule.getLhs());
        if (linePatterns > MAX_LINE_PATTERNS_PER_RULE) {
            add(rule, what + " \"" + rule.getName() + "\" matches " + linePatterns + " purchase lines (or `from` items) at once: at most "
                    + MAX_LINE_PATTERNS_PER_RULE + " are allowed, because a basket of n lines gives n^" + linePatterns
                    + " combinations to evaluate");
        }
        if (rule.getConsequence() instanceof String consequence) {
            inspect(consequence, consequenceStart(rule.getConsequenceLine(), consequence));
        }
        for (Object named : rule.getNamedConsequences().values()) {
            if (named instanceof String code) {
                inspect(code, consequenceStart(rule.getConsequenceLine(), code));
            }
        }
    }

    /**
     * The attribute that names a rule's phase: {@code ruleflow-group} or {@code agenda-group}, which
     * Drools 10 treats as the same thing (and warns that {@code agenda-group} is deprecated).
     */
    public static AttributeDescr phaseAttribute(RuleDescr rule) {
        AttributeDescr ruleflow = rule.getAttributes().get("ruleflow-group");
        return ruleflow != null ? ruleflow : rule.getAttributes().get("agenda-group");
    }

    private void checkAttribute(AttributeDescr attribute, boolean packageLevel) {
        String name = attribute.getName();
        if (AllowList.FORBIDDEN_ATTRIBUTES.contains(name)) {
            add(attribute, "attribute `" + name + "` is not allowed: "
                    + (name.startsWith("date-") || name.equals("timer") || name.equals("duration") || name.equals("calendars")
                    ? "it depends on the wall clock; test dates through ProgramCalendar instead"
                    : "it would bypass the phase order"));
        } else if ("dialect".equals(name) && !"java".equals(attribute.getValue())) {
            add(attribute, "dialect \"" + attribute.getValue() + "\" is not allowed: consequences are written in the java dialect");
        } else if (("agenda-group".equals(name) || "ruleflow-group".equals(name)) && packageLevel) {
            add(attribute, "declare the phase on each rule, not for the whole package, so that precedence is visible where the rule is");
        } else if ("salience".equals(name) || "enabled".equals(name)) {
            inspectCondition(attribute.getValue(), attribute.getLine());
        }
    }

    private void checkConditions(BaseDescr descr) {
        if (descr == null) {
            return;
        }
        if (descr instanceof EvalDescr) {
            add(descr, "`eval` is not allowed: write the condition as a constraint on a fact");
        } else if (descr instanceof ConditionalBranchDescr) {
            add(descr, "conditional branches (`if ... do[...]`) are not allowed in rules");
        } else if (descr instanceof PatternDescr pattern) {
            checkPattern(pattern);
        } else if (descr instanceof AccumulateDescr accumulate) {
            checkAccumulate(accumulate);
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                checkConditions(child);
            }
        }
    }

    /**
     * Patterns that range over many facts — lines, or whatever a {@code from} lists — multiply:
     * three of them over a 500-line basket are 125 million combinations, each held in memory before
     * the firing cap can count a single firing. Two (250,000) are plenty for "bought A and B".
     */
    static final int MAX_LINE_PATTERNS_PER_RULE = 2;
    private int linePatterns;

    private void checkPattern(PatternDescr pattern) {
        checkAnnotations(pattern);
        String type = pattern.getObjectType();
        if ("LineItem".equals(type) || (AllowList.FACTS_PACKAGE + ".LineItem").equals(type) || pattern.getSource() instanceof FromDescr) {
            linePatterns++;
        }
        if (type != null && !type.equals("Object") && !AllowList.isAllowedQualifiedType(type)
                && !isDeclared(type)) {
            add(pattern, "pattern on `" + type + "` is not allowed: match the fact model or declared types");
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr) {
                inspectCondition(expr.getExpression(), lineOf(expr, pattern));
            } else if (constraint instanceof BindingDescr binding) {
                inspectCondition(binding.getExpression(), lineOf(binding, pattern));
            }
        }
        PatternSourceDescr source = pattern.getSource();
        if (source instanceof FromDescr from) {
            inspectCondition(from.getExpression(), lineOf(from, pattern));
        } else if (source instanceof AccumulateDescr accumulate) {
            checkAccumulate(accumulate);
        } else if (source instanceof CollectDescr collect) {
            checkConditions(collect.getInputPattern());
        }
    }

    private boolean isDeclared(String type) {
        return declaredTypes.contains(type);
    }

    private void checkAccumulate(AccumulateDescr accumulate) {
        if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null
                || accumulate.getActionCode() != null || accumulate.getResultCode() != null) {
            add(accumulate, "accumulate with inline code is not allowed: use "
                    + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!AllowList.ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                add(accumulate, "accumulate function `" + function.getFunction() + "` is not allowed: use "
                        + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
            }
            for (String param : function.getParams()) {
                inspectCondition(param, accumulate.getLine());
            }
        }
        checkConditions(accumulate.getInput());
    }

    /**
     * The DRL line a consequence's text starts on. Drools reports the {@code then} line, and the
     * text may start there or below, so find its first code line in the source.
     */
    private int consequenceStart(int thenLine, String consequence) {
        List<String> lines = consequence.lines().toList();
        int leadingBlank = 0;
        while (leadingBlank < lines.size() && lines.get(leadingBlank).isBlank()) {
            leadingBlank++;
        }
        if (leadingBlank == lines.size() || thenLine <= 0) {
            return thenLine;
        }
        String first = lines.get(leadingBlank).strip();
        for (int i = thenLine - 1; i < drlLines.length; i++) {
            if (drlLines[i].contains(first)) {
                return i + 1 - leadingBlank;
            }
        }
        return thenLine;
    }

    private static int lineOf(BaseDescr descr, BaseDescr fallback) {
        return descr.getLine() > 0 ? descr.getLine() : fallback.getLine();
    }

    private void inspect(String code, int firstLine) {
        inspect(code, firstLine, CodeInspector.Kind.CONSEQUENCE);
    }

    /** Constraints, bindings, {@code from} and attribute expressions are MVEL, not Java. */
    private void inspectCondition(String code, int firstLine) {
        inspect(code, firstLine, CodeInspector.Kind.CONSTRAINT);
    }

    private void inspect(String code, int firstLine, CodeInspector.Kind kind) {
        if (code == null) {
            return;
        }
        Set<Integer> reported = new HashSet<>();
        for (Violation violation : inspector.inspect(code, kind)) {
            // one finding per line: `System.exit` is one problem, not two
            if (reported.add(violation.lineOffset())) {
                findings.add(new Finding(Math.max(firstLine, 0) + violation.lineOffset(), violation.message()));
            }
        }
    }

    private void add(BaseDescr descr, String message) {
        findings.add(new Finding(Math.max(descr.getLine(), 0), message));
    }
}
