package io.jifen.engine.compile;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.parser.lang.ExpanderException;
import org.drools.drl.parser.lang.dsl.DSLMappingEntry;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every rule file into DRL: DRL stays as it is, DSLR is expanded with its DSL (the shipped
 * {@code loyalty.dsl} or one from the rule set), decision tables are compiled to DRL. The safety
 * check and the Drools build then see only DRL, and each result remembers how to map its lines
 * back to what the author wrote.
 */
final class SourceTranslator {
    static final String BUILT_IN_DSL = "loyalty.dsl";
    /** The same vocabulary in Simplified Chinese: each sentence expands to what its English twin does. */
    static final String BUILT_IN_DSL_ZH = "loyalty-zh.dsl";
    private static final List<String> BUILT_IN = List.of(BUILT_IN_DSL, BUILT_IN_DSL_ZH);
    private static final Pattern EXPANDER = Pattern.compile("^\\s*expander\\s+(\\S+?)\\s*;?\\s*$");

    record Translation(List<TranslatedSource> sources, List<Diagnostic> diagnostics) {
    }

    Translation translate(RuleSet ruleSet) {
        return translate(ruleSet, true);
    }

    /** {@code refuseEscapes} false only for tests of the second line of defence. */
    Translation translate(RuleSet ruleSet, boolean refuseEscapes) {
        List<TranslatedSource> sources = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, RuleFile> dslFiles = new HashMap<>();
        for (RuleFile file : ruleSet.files()) {
            if (RuleFileKind.of(file.name()).orElse(null) == RuleFileKind.DSL) {
                dslFiles.put(baseName(file.name()), file);
            }
        }
        for (RuleFile file : ruleSet.files()) {
            Optional<RuleFileKind> kind = RuleFileKind.of(file.name());
            if (kind.isEmpty()) {
                diagnostics.add(new Diagnostic(file.name(), 0, 0,
                        "unknown kind of rule file: name it *.drl, *.dslr, *.dsl, *.xlsx, *.xls or *.csv"));
                continue;
            }
            List<Diagnostic> escapes = refuseEscapes ? EscapeScan.of(file, kind.get()) : List.of();
            if (!escapes.isEmpty()) {
                diagnostics.addAll(escapes);
                continue;
            }
            switch (kind.get()) {
                case DRL -> sources.add(new TranslatedSource(file.name(), RuleFileKind.DRL,
                        RuleHeaders.hoistAnnotations(file.text()), TranslatedSource.Locator.SAME_LINES));
                case DSL -> { /* used by the DSLR files that name it */ }
                case DSLR -> expandDslr(file, dslFiles, sources, diagnostics);
                case XLSX, XLS, CSV -> compileDecisionTable(file, kind.get(), sources, diagnostics);
            }
        }
        if (sources.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(new Diagnostic("(rule set)", 0, 0, "the rule set holds no rule files"));
        }
        return new Translation(sources, diagnostics);
    }

    private void expandDslr(RuleFile file, Map<String, RuleFile> dslFiles, List<TranslatedSource> sources,
                            List<Diagnostic> diagnostics) {
        String[] lines = file.text().split("\n", -1);
        String dslName = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPANDER.matcher(lines[i]);
            if (m.matches()) {
                dslName = m.group(1);
                lines[i] = ""; // keep the line so that DRL lines stay DSLR lines
            }
        }
        if (dslName == null) {
            dslName = BUILT_IN_DSL; // a file that names no vocabulary speaks the shipped one
        }
        String dsl;
        RuleFile own = dslFiles.get(baseName(dslName));
        if (own != null) {
            dsl = own.text();
        } else if (BUILT_IN.contains(baseName(dslName))) {
            dsl = builtInDsl(baseName(dslName));
        } else {
            diagnostics.add(new Diagnostic(file.name(), 0, 0, "vocabulary `" + dslName
                    + "` is neither in the rule set nor built in (the built-in ones are " + String.join(" and ", BUILT_IN) + ")"));
            return;
        }
        DSLTokenizedMappingFile mapping = new DSLTokenizedMappingFile();
        try {
            if (!mapping.parseAndLoad(new StringReader(dsl))) {
                String vocabulary = dslName;
                // Drools' DSL parser names neither the line nor the cause; find the mapping line it stops at
                int line = firstUnparsableMappingLine(dsl);
                mapping.getErrors().forEach(e -> diagnostics.add(new Diagnostic(vocabulary, line, 0,
                        "DSL parser error" + (line > 0 ? ": this mapping cannot be read (a `{` or `}` outside a {variable}"
                                + " is not allowed on either side)" : ""))));
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // [keyword] sentences are the rule header's (`in phase bonus`): applied to header lines only, so the same
        // words in a rule's name, a reason or a condition stay as written
        List<DSLMappingEntry> keywords = List.copyOf(mapping.getMapping().getEntries(DSLMappingEntry.KEYWORD));
        keywords.forEach(mapping.getMapping()::removeEntry);
        RuleHeaders.applyKeywords(lines, keywords);
        DefaultExpander expander = new DefaultExpander();
        expander.addDSLMapping(mapping.getMapping());
        String expanded = RuleHeaders.supplyFileHeader(expander.expand(String.join("\n", lines)));
        if (expander.hasErrors()) {
            for (ExpanderException error : expander.getErrors()) {
                diagnostics.add(new Diagnostic(file.name(), Math.max(error.getLine(), 0), 0, cleanExpanderMessage(error)));
            }
            return;
        }
        sources.add(new TranslatedSource(file.name(), RuleFileKind.DSLR, RuleHeaders.hoistAnnotations(expanded),
                TranslatedSource.Locator.SAME_LINES));
    }

    /** The first mapping line that fails to parse on its own, or 0 when each parses alone. */
    private static int firstUnparsableMappingLine(String dsl) {
        String[] lines = dsl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            DSLTokenizedMappingFile single = new DSLTokenizedMappingFile();
            try {
                if (!single.parseAndLoad(new StringReader(lines[i]))) {
                    return i + 1;
                }
            } catch (IOException | RuntimeException e) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String cleanExpanderMessage(ExpanderException error) {
        String message = error.getMessage() == null ? "cannot expand this line"
                : error.getMessage().trim().replaceFirst("^\\[\\d+\\]\\s*", "");
        return message.startsWith("Unable to expand")
                ? message.replace("Unable to expand:", "no sentence of the vocabulary matches:")
                : message;
    }

    private void compileDecisionTable(RuleFile file, RuleFileKind kind, List<TranslatedSource> sources,
                                      List<Diagnostic> diagnostics) {
        String drl;
        TableCells.Recorder cells = new TableCells.Recorder();
        try (InputStream in = new ByteArrayInputStream(file.content())) {
            drl = new SpreadsheetCompiler().compile(in, kind == RuleFileKind.CSV ? InputType.CSV : InputType.XLS, cells);
        } catch (RuntimeException | IOException e) {
            // Drools names the cell it stopped at ("Code description in cell C8 …"); so does the diagnostic
            String cell = cellIn(e.getMessage());
            diagnostics.add(new Diagnostic(file.name(), cell != null ? rowOf(cell) : rowIn(e.getMessage()), 0, cell,
                    "cannot read the decision table: " + unreadable(e)));
            return;
        }
        if (drl == null || drl.isBlank()) {
            diagnostics.add(new Diagnostic(file.name(), 0, 0,
                    "no RuleSet/RuleTable found: a decision table needs a `RuleSet` cell and a `RuleTable` header"));
            return;
        }
        sources.add(new TranslatedSource(file.name(), kind, drl, new TableCells(drl, cells.cells)));
    }

    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("\\bcells? \\[?([A-Z]{1,3}[1-9]\\d*)\\b");

    /** The cell a Drools decision-table message names ("in cell C8", "cells [B2, B3]"), or null. */
    static String cellIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = CELL_IN_MESSAGE.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static int rowOf(String cell) {
        return Integer.parseInt(cell.replaceAll("^[A-Z]+", ""));
    }

    private static int rowIn(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = Pattern.compile("(?i)row[^0-9]{0,3}(\\d+)").matcher(message);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = Pattern.compile("\\b[A-Z]{1,3}(\\d+)\\b").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Why a table could not be read, for the merchant who uploaded it. Apache POI's own messages name
     * its classes and settings ({@code IOUtils.setByteArrayMaxOverride()}, {@code ZipSecureFile...}),
     * which the merchant cannot act on; they are replaced by what to change. Drools' messages about the
     * table's cells stay.
     */
    static String unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("maximum length for this record type") || message.contains("Zip bomb")
                    || message.contains("exceeds the max") || t instanceof OutOfMemoryError) {
                return "the spreadsheet is too large once unpacked; split it into smaller tables";
            }
            if (t.getClass().getName().startsWith("org.apache.poi.")) {
                return "the file is not a readable .xlsx or .xls workbook; save it again from a spreadsheet program";
            }
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : e.getMessage() + " (" + message + ")";
    }

    static String builtInDsl() {
        return builtInDsl(BUILT_IN_DSL);
    }

    static String builtInDsl(String name) {
        String resource = "/io/jifen/engine/dsl/" + name;
        try (InputStream in = SourceTranslator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
