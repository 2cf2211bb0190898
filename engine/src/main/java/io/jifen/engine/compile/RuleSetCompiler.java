package io.jifen.engine.compile;

import io.jifen.engine.evaluation.Phase;
import io.jifen.engine.safety.RuleSafetyCheck;
import io.jifen.engine.safety.UnicodeEscapes;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a rule set at runtime: translate every file to DRL, parse it, check it against the
 * safety allow-list, then build a knowledge base through the KIE API. Nothing reaches Drools'
 * compiler before the safety check has passed for every file.
 */
public final class RuleSetCompiler {
    private static final String JUNK_DIAGNOSTIC = "Parser returned a null Package";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final SourceTranslator translator = new SourceTranslator();
    private final RuleSetLimits limits;
    private final boolean sourceCheck;

    public RuleSetCompiler() {
        this(RuleSetLimits.DEFAULT);
    }

    public RuleSetCompiler(RuleSetLimits limits) {
        this(limits, true);
    }

    /**
     * {@code sourceCheck} false skips the first line of defence (the escape scan and the source
     * check), only so that tests can prove the second line holds on its own. Never in production.
     */
    RuleSetCompiler(boolean sourceCheck) {
        this(RuleSetLimits.DEFAULT, sourceCheck);
    }

    private RuleSetCompiler(RuleSetLimits limits, boolean sourceCheck) {
        this.limits = limits;
        this.sourceCheck = sourceCheck;
    }

    /** A build, and whether the checks of the compiled code (not of the source) refused it. */
    record Outcome(KieBaseBuild build, boolean refusedByCompiledCheck) {
    }

    public KieBaseBuild build(RuleSet ruleSet) {
        return buildWithOutcome(ruleSet).build();
    }

    Outcome buildWithOutcome(RuleSet ruleSet) {
        // limits first, each before the stage whose cost it bounds (RuleSetBudget)
        List<Diagnostic> overSize = RuleSetBudget.sizes(ruleSet, limits);
        if (!overSize.isEmpty()) {
            return new Outcome(new KieBaseBuild.Failed(sorted(overSize)), false);
        }
        SourceTranslator.Translation translation = translator.translate(ruleSet, sourceCheck);
        List<Diagnostic> overRows = RuleSetBudget.tableRows(translation.sources(), limits);
        if (!overRows.isEmpty()) {
            // parsing and checking a table over the limit is already much of the cost it bounds
            overRows.addAll(translation.diagnostics());
            return new Outcome(new KieBaseBuild.Failed(sorted(overRows)), false);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(translation.diagnostics());
        List<Diagnostic> definitions = new ArrayList<>();
        Map<String, Phase> phases = new LinkedHashMap<>();
        List<RuleDefinition> rules = new ArrayList<>();
        boolean declaresActions = false;
        List<String> packages = new ArrayList<>();
        Map<String, Diagnostic> firstDefinition = new HashMap<>();
        for (TranslatedSource source : translation.sources()) {
            RuleSetBudget.stopIfAbandoned();
            if (sourceCheck && source.kind() != RuleFileKind.DRL) {
                // an escape can also be assembled: a DSLR line ending in `\` and a mapping going on with `u0022`
                for (int line : UnicodeEscapes.linesIn(source.drl())) {
                    diagnostics.add(source.diagnostic(line, 0, UnicodeEscapes.ADVICE
                            + " (it appears once the file is translated)"));
                }
            }
            PackageDescr pkg = parse(source, diagnostics);
            if (pkg == null) {
                continue;
            }
            packages.add(pkg.getName());
            if (sourceCheck) {
                for (RuleSafetyCheck.Finding finding : RuleSafetyCheck.check(pkg, source.drl())) {
                    diagnostics.add(source.diagnostic(finding.drlLine(), 0, finding.message()));
                }
            }
            declaresActions |= pkg.getGlobals().stream()
                    .anyMatch(g -> RuleSafetyCheck.ACTIONS_GLOBAL.equals(g.getIdentifier()));
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.isQuery()) {
                    continue;
                }
                AttributeDescr group = RuleSafetyCheck.phaseAttribute(rule);
                Phase phase = group == null ? null : Phase.ofAgendaGroup(group.getValue()).orElse(null);
                if (phase != null) {
                    phases.put(KieBaseBuild.ruleKey(pkg.getName(), rule.getName()), phase);
                }
                Diagnostic here = source.diagnostic(rule.getLine(), 0, "");
                rules.add(new RuleDefinition(rule.getName(), phase, here.file(), here.line()));
                definitions.add(here);
                Diagnostic first = firstDefinition.putIfAbsent(rule.getName(), here);
                if (first != null) {
                    // Drools would let the later rule replace the earlier one: "last loaded wins"
                    diagnostics.add(source.diagnostic(rule.getLine(), 0, "rule \"" + rule.getName()
                            + "\" is already defined at " + first.file() + (first.line() > 0 ? ":" + first.line() : "")
                            + ": rule names must be unique in a rule set, so every award traces to one rule"));
                }
            }
        }
        diagnostics.addAll(RuleSetBudget.rules(definitions, limits));
        if (!diagnostics.isEmpty()) {
            return new Outcome(new KieBaseBuild.Failed(sorted(diagnostics), List.copyOf(rules)), false);
        }
        RuleSetBudget.stopIfAbandoned();
        return kieBuild(ruleSet, translation.sources(), packages, phases, List.copyOf(rules), declaresActions,
                firstDefinition);
    }

    /**
     * Every rule of the rule set with its text ({@link RuleText}), in file order, for comparing two
     * rule sets rule by rule. Translates and parses only, nothing is built; a rule set that does not
     * parse is refused, since only stored versions (which compiled when uploaded) are compared.
     */
    public List<RuleText> ruleTexts(RuleSet ruleSet) {
        SourceTranslator.Translation translation = translator.translate(ruleSet);
        List<Diagnostic> diagnostics = new ArrayList<>(translation.diagnostics());
        List<RuleText> texts = new ArrayList<>();
        Map<String, RuleFile> files = new HashMap<>();
        ruleSet.files().forEach(f -> files.put(f.name(), f));
        for (TranslatedSource source : translation.sources()) {
            PackageDescr pkg = parse(source, diagnostics);
            if (pkg == null) {
                continue;
            }
            String[] drl = source.drl().split("\n", -1);
            // DRL and DSLR keep the author's lines through translation; a table's rule is a row
            String[] authored = source.kind() == RuleFileKind.DRL || source.kind() == RuleFileKind.DSLR
                    ? files.get(source.fileName()).text().split("\n", -1) : null;
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.isQuery()) {
                    continue;
                }
                AttributeDescr group = RuleSafetyCheck.phaseAttribute(rule);
                Phase phase = group == null ? null : Phase.ofAgendaGroup(group.getValue()).orElse(null);
                Diagnostic here = source.diagnostic(rule.getLine(), 0, "");
                int first = rule.getLine();
                int last = endLine(drl, first);
                texts.add(new RuleText(new RuleDefinition(rule.getName(), phase, here.file(), here.line()),
                        lines(drl, first, last), authored == null ? null : lines(authored, first, last)));
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new IllegalArgumentException("the rule files do not parse: " + sorted(diagnostics));
        }
        return List.copyOf(texts);
    }

    /** The line of the {@code end} closing the rule that starts at {@code first} (1-based). */
    private static int endLine(String[] lines, int first) {
        for (int i = Math.max(first, 1); i <= lines.length; i++) {
            String l = lines[i - 1].strip();
            if (l.equals("end") || l.startsWith("end ") || l.startsWith("end//")) {
                return i;
            }
        }
        return lines.length;
    }

    /** Lines {@code first} to {@code last} (1-based, inclusive), without trailing blanks or CRs. */
    private static String lines(String[] lines, int first, int last) {
        StringBuilder s = new StringBuilder();
        for (int i = Math.max(first, 1); i <= Math.min(last, lines.length); i++) {
            s.append(lines[i - 1].stripTrailing()).append('\n');
        }
        return s.toString();
    }

    private static PackageDescr parse(TranslatedSource source, List<Diagnostic> diagnostics) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.drl());
        } catch (DroolsParserException e) {
            diagnostics.add(source.diagnostic(e.getLineNumber(), e.getColumn(), e.getMessage()));
            return null;
        }
        if (parser.hasErrors()) {
            int before = diagnostics.size();
            for (DroolsError error : parser.getErrors()) {
                if (error.getMessage() != null && error.getMessage().contains(JUNK_DIAGNOSTIC)) {
                    continue;
                }
                int line = error instanceof ParserError p ? p.getRow() : firstLine(error.getLines());
                int column = error instanceof ParserError p ? p.getCol() : 0;
                diagnostics.add(source.diagnostic(line, column, error.getMessage()));
            }
            if (diagnostics.size() == before) {
                diagnostics.add(source.diagnostic(0, 0, "the file cannot be parsed"));
            }
            return null;
        }
        return pkg;
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

    private static Outcome kieBuild(RuleSet ruleSet, List<TranslatedSource> sources, List<String> packages,
                                         Map<String, Phase> phases,
                                         List<RuleDefinition> rules, boolean declaresActions,
                                         Map<String, Diagnostic> ruleAt) {
        KieServices ks = KieServices.Factory.get();
        // a release id of its own per build: builds running at the same time never see each other's rules
        ReleaseId releaseId = ks.newReleaseId("io.jifen.ruleset",
                "rs-" + ruleSet.contentHash().substring(0, 16) + "-" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, TranslatedSource> byPath = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            // the folder follows the package, as Drools expects
            String path = "src/main/resources/" + packages.get(i).replace('.', '/') + "/jifen-source" + i + ".drl";
            kfs.write(path, sources.get(i).drl());
            byPath.put(path, sources.get(i));
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException droolsFailed) {
            // Drools' own parsers can fail with an exception instead of a message on text the checks let
            // through (the source check should refuse it first): a refusal naming the rule set, never a crash
            ks.getRepository().removeKieModule(releaseId);
            return new Outcome(new KieBaseBuild.Failed(List.of(new Diagnostic(sources.isEmpty() ? "(rule set)"
                    : sources.get(0).fileName(), 0, 0, "the rule engine could not build this rule set ("
                    + droolsFailed.getClass().getSimpleName() + "); check the rules changed last")), rules), false);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (message.getText() != null && message.getText().contains(JUNK_DIAGNOSTIC)) {
                continue;
            }
            TranslatedSource source = sourceOf(message.getPath(), byPath);
            int line = message.getLine() > 0 ? message.getLine() : lineIn(message.getText());
            if (line <= 0 && source != null) {
                line = lineOfExpression(source.drl(), message.getText());
            }
            diagnostics.add(source == null
                    ? new Diagnostic(message.getPath() == null ? "(rule set)" : message.getPath(), 0, 0, clean(message.getText()))
                    : source.diagnostic(line, message.getColumn(), clean(message.getText())));
        }
        if (!diagnostics.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            return new Outcome(new KieBaseBuild.Failed(sorted(diagnostics), rules), false);
        }
        try {
            KieContainer container = ks.newKieContainer(releaseId);
            KieBaseConfiguration configuration = ks.newKieBaseConfiguration();
            // constraints stay interpreted: the MVEL tree ConstraintCheck walks is exactly what runs
            configuration.setOption(ConstraintJittingThresholdOption.get(-1));
            KieBase kieBase = container.newKieBase(configuration);
            List<Diagnostic> unsafe = CompiledCodeCheck.check(kieBase, ruleAt);
            if (!unsafe.isEmpty()) {
                return new Outcome(new KieBaseBuild.Failed(sorted(unsafe), rules), true);
            }
            return new Outcome(new KieBaseBuild.Built(kieBase, Map.copyOf(phases), rules, declaresActions), false);
        } finally {
            // the knowledge base is ours now; the shared KIE repository must not keep the module alive
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** Drools reports paths with or without the {@code src/main/resources/} prefix. */
    private static TranslatedSource sourceOf(String path, Map<String, TranslatedSource> byPath) {
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, TranslatedSource> entry : byPath.entrySet()) {
            if (entry.getKey().endsWith(path) || path.endsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static final Pattern LINE_IN_TEXT = Pattern.compile("\\[Line: (\\d+)");

    private static int lineIn(String text) {
        Matcher m = LINE_IN_TEXT.matcher(text == null ? "" : text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static final Pattern EXPRESSION_IN_TEXT =
            Pattern.compile("Unable to Analyse Expression (.+?):\\s*(\\n|\\[|$)");

    /**
     * Some constraint errors come without any line (an unknown name in a constraint: "Unable to
     * Analyse Expression total >= lots"); the first DRL line holding that expression is where it
     * was written, or 0 when none does.
     */
    private static int lineOfExpression(String drl, String text) {
        Matcher m = EXPRESSION_IN_TEXT.matcher(text == null ? "" : text);
        if (!m.find()) {
            return 0;
        }
        String expression = m.group(1).strip();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(expression)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Drools messages carry the generated resource path and MVEL's "[Near ...]" excerpts with a
     * caret that only lines up in a monospaced console; keep what the author can act on.
     */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.equals("^") || l.startsWith("[Near") || l.startsWith("[Line:")) {
                continue;
            }
            l = l.replaceAll("(src/main/resources/)?\\S*jifen-source\\d+\\.drl:?", "").strip();
            kept.append(kept.length() == 0 ? "" : " ").append(l);
        }
        return kept.toString();
    }

    /**
     * Sorted by file and place, each problem once. A spreadsheet cell is named once: a mistake in a
     * column's template breaks every rule row of the table, and the author fixes it in one cell.
     */
    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        Set<String> cells = new HashSet<>();
        return diagnostics.stream().distinct()
                .sorted(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                        .thenComparingInt(Diagnostic::column))
                .filter(d -> d.cell() == null || cells.add(d.file() + "!" + d.cell()))
                .toList();
    }
}
