package io.jifen.engine.compile;

import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way back from a line of the DRL Drools generated for a decision table to the spreadsheet cell
 * the author wrote, e.g. {@code D12}.
 *
 * <p>Drools writes {@code // rule values at A12, header at A6} above each rule it generates: the
 * rule's row and the table's {@code RuleTable} cell. Below that cell Drools' layout is fixed
 * ({@code DefaultRuleSheetListener}): the keyword row (CONDITION, ACTION, RULEFLOW-GROUP …), the
 * object-type row, the code row (the templates with {@code $param}) and the label row. With the cells
 * recorded while Drools read them ({@link Recorder}), a DRL line is traced to its column:
 * <ul>
 *   <li>a condition or action line to the CONDITION or ACTION column whose code template it was
 *       made from (the template's literal text appears in the line, in order);</li>
 *   <li>an attribute line ({@code ruleflow-group "bonus"}) to the cell of that row whose text it holds;</li>
 *   <li>the {@code rule} line (where Drools reports errors inside a Java consequence, and the safety
 *       check reports rule-level findings) to whichever cell of the row the message names;</li>
 *   <li>{@code package}, {@code import} and {@code global} lines to the RuleSet, Import and Variables cells.</li>
 * </ul>
 * Within a column, the problem is in the row's value cell or in the column's template cell, and
 * the message decides: text it quotes (Drools quotes the offending token, the safety check the
 * offending name) or names it repeats, found in one of the two cells. A template mistake is then
 * reported once at the code-row cell, instead of once per rule row at cells that are right. Without
 * such evidence the value cell is named for a condition or action line (values are what authors
 * edit row by row), and only the row for the {@code rule} line.
 */
final class TableCells implements TranslatedSource.Locator {
    private static final Pattern RULE_VALUES_AT = Pattern.compile("rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");
    /** Rows below the RuleTable cell, as DefaultRuleSheetListener lays a table out. */
    private static final int KEYWORD_ROW = 1;
    private static final int CODE_ROW = 3;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(param|\\d)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]+)\"|'([^'\\n]+)'|`([^`\\n]+)`");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]+|\\p{N}+(?:\\.\\p{N}+)?");
    private static final Pattern HEADER_LINE = Pattern.compile("^\\s*(package|import|global)\\s+(.+?)\\s*;?\\s*$");

    /** Cells as Drools read them (non-blank, trimmed): 0-based row, 0-based column. */
    private final NavigableMap<Integer, NavigableMap<Integer, String>> cells;
    private final String[] drlLines;
    /** The generated rules by the DRL line of their {@code rule values at} comment. */
    private final NavigableMap<Integer, Block> blocks = new TreeMap<>();

    /** One generated rule: its row and its table's RuleTable cell (1-based rows, 0-based column), and its DRL lines. */
    private record Block(int row, int headerRow, int firstColumn, String name, int ruleLine, int whenLine, int thenLine,
                         int endLine) {
    }

    private enum Kind { VALUE, TEMPLATE }

    private record Candidate(int row, int column, Kind kind, String text) {
        String ref() {
            return CellReference.convertNumToColString(column) + (row + 1);
        }
    }

    /** A {@link DefaultRuleSheetListener} (so Drools reads the table exactly as it does alone) that keeps every cell. */
    static final class Recorder extends DefaultRuleSheetListener {
        final NavigableMap<Integer, NavigableMap<Integer, String>> cells = new TreeMap<>();

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value.trim());
            }
            super.newCell(row, column, value, mergedColStart);
        }
    }

    TableCells(String drl, NavigableMap<Integer, NavigableMap<Integer, String>> cells) {
        this.cells = cells;
        this.drlLines = drl.split("\n", -1);
        Integer open = null;
        int row = 0;
        int headerRow = 0;
        int firstColumn = 0;
        String name = null;
        int ruleLine = 0;
        int whenLine = 0;
        int thenLine = 0;
        for (int i = 0; i < drlLines.length; i++) {
            int line = i + 1;
            String text = drlLines[i].trim();
            Matcher m = RULE_VALUES_AT.matcher(text);
            if (text.startsWith("//") && m.find()) {
                open = line;
                row = Integer.parseInt(m.group(2));
                headerRow = Integer.parseInt(m.group(4));
                firstColumn = CellReference.convertColStringToIndex(m.group(1));
                name = null;
                ruleLine = whenLine = thenLine = 0;
            } else if (open != null && ruleLine == 0 && text.startsWith("rule ")) {
                ruleLine = line;
                name = unquote(text.substring(5).trim());
            } else if (open != null && whenLine == 0 && text.equals("when")) {
                whenLine = line;
            } else if (open != null && whenLine > 0 && thenLine == 0 && text.equals("then")) {
                thenLine = line;
            } else if (open != null && thenLine > 0 && text.equals("end")) {
                blocks.put(open, new Block(row, headerRow, firstColumn, name, ruleLine, whenLine, thenLine, line));
                open = null;
            }
        }
    }

    @Override
    public TranslatedSource.Place place(int drlLine, int drlColumn, String message) {
        if (drlLine > drlLines.length) {
            return new TranslatedSource.Place(0, 0, null); // not a line of this DRL: the whole file
        }
        Map.Entry<Integer, Block> entry = blocks.floorEntry(drlLine);
        if (entry == null || drlLine > entry.getValue().endLine()) {
            return headerPart(drlLine);
        }
        Block b = entry.getValue();
        String text = drlLines[drlLine - 1];
        String evidence = withoutRuleName(message == null ? "" : message, b.name());
        if (drlLine <= b.ruleLine()) {
            Candidate c = bestByEvidence(rowCandidates(b), evidence);
            return new TranslatedSource.Place(b.row(), 0, c == null ? null : c.ref());
        }
        if (drlLine < b.whenLine()) {
            // an attribute: the value of that row it was written from
            Candidate c = attributeCell(b, text);
            return new TranslatedSource.Place(b.row(), 0, c == null ? null : c.ref());
        }
        String section = drlLine < b.thenLine() ? "CONDITION" : "ACTION";
        List<Integer> columns = columnsOfLine(b, section, text);
        List<Candidate> candidates = new ArrayList<>();
        for (int column : columns) {
            candidates.add(new Candidate(b.row() - 1, column, Kind.VALUE, cell(b.row() - 1, column)));
            String template = cell(b.headerRow() - 1 + CODE_ROW, column);
            if (template != null) {
                candidates.add(new Candidate(b.headerRow() - 1 + CODE_ROW, column, Kind.TEMPLATE, template));
            }
        }
        Candidate c = bestByEvidence(candidates, evidence);
        if (c == null && !columns.isEmpty()) {
            c = candidates.get(0); // the value cell of the column the line came from
        }
        if (c == null) {
            return new TranslatedSource.Place(b.row(), 0, null);
        }
        return new TranslatedSource.Place(c.row() + 1, 0, c.ref());
    }

    /** {@code package}, {@code import}, {@code global} lines: the RuleSet, Import or Variables cell holding their text. */
    private TranslatedSource.Place headerPart(int drlLine) {
        Matcher m = HEADER_LINE.matcher(drlLines[drlLine - 1]);
        if (!m.matches()) {
            return new TranslatedSource.Place(0, 0, null);
        }
        String wanted = m.group(2).replaceAll("\\s+", " ");
        for (Map.Entry<Integer, NavigableMap<Integer, String>> row : cells.entrySet()) {
            for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                if (cell.getValue().replaceAll("\\s+", " ").contains(wanted)) {
                    Candidate c = new Candidate(row.getKey(), cell.getKey(), Kind.VALUE, cell.getValue());
                    return new TranslatedSource.Place(row.getKey() + 1, 0, c.ref());
                }
            }
        }
        return new TranslatedSource.Place(0, 0, null);
    }

    /** Every non-blank cell of the rule's row in the table, and the templates of its CONDITION and ACTION columns. */
    private List<Candidate> rowCandidates(Block b) {
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<Integer, String> cell : rowCells(b.row() - 1, b.firstColumn()).entrySet()) {
            candidates.add(new Candidate(b.row() - 1, cell.getKey(), Kind.VALUE, cell.getValue()));
            String keyword = keyword(b, cell.getKey());
            String template = cell(b.headerRow() - 1 + CODE_ROW, cell.getKey());
            if (template != null && (keyword.startsWith("CONDITION") || keyword.startsWith("ACTION"))) {
                candidates.add(new Candidate(b.headerRow() - 1 + CODE_ROW, cell.getKey(), Kind.TEMPLATE, template));
            }
        }
        return candidates;
    }

    private Candidate attributeCell(Block b, String line) {
        Candidate best = null;
        for (Map.Entry<Integer, String> cell : rowCells(b.row() - 1, b.firstColumn()).entrySet()) {
            String keyword = keyword(b, cell.getKey());
            if (keyword.startsWith("CONDITION") || keyword.startsWith("ACTION")) {
                continue;
            }
            if (line.contains(unquote(cell.getValue())) && (best == null || cell.getValue().length() > best.text().length())) {
                best = new Candidate(b.row() - 1, cell.getKey(), Kind.VALUE, cell.getValue());
            }
        }
        return best;
    }

    /**
     * The CONDITION (or ACTION) columns with a value in the rule's row whose template the line was
     * made from: the longest literal text of a template found in the line, in order. When no
     * template matches (a template of placeholders only), the columns whose value is in the line.
     */
    private List<Integer> columnsOfLine(Block b, String section, String line) {
        List<Integer> best = new ArrayList<>();
        int bestScore = 0;
        List<Integer> byValue = new ArrayList<>();
        for (Map.Entry<Integer, String> cell : rowCells(b.row() - 1, b.firstColumn()).entrySet()) {
            int column = cell.getKey();
            if (!keyword(b, column).startsWith(section)) {
                continue;
            }
            if (line.contains(unquote(cell.getValue()))) {
                byValue.add(column);
            }
            int score = literalMatch(cell(b.headerRow() - 1 + CODE_ROW, column), line);
            if (score > bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score > 0 && score == bestScore) {
                best.add(column);
            }
        }
        return best.isEmpty() ? byValue : best;
    }

    /** How many characters of the template's literal parts appear in the line, in order; 0 when one does not. */
    private static int literalMatch(String template, String line) {
        if (template == null) {
            return 0;
        }
        int from = 0;
        int matched = 0;
        for (String part : PLACEHOLDER.split(template)) {
            String literal = part.trim();
            if (literal.isEmpty()) {
                continue;
            }
            int at = line.indexOf(literal, from);
            if (at < 0) {
                return 0;
            }
            from = at + literal.length();
            matched += literal.length();
        }
        return matched;
    }

    /**
     * The candidate the message points at, or null when it points at none: a candidate whose text
     * the message quotes whole counts most, then quoted fragments found in its text, then the
     * candidate's own words and numbers repeated in the message. Ties go to the value cell.
     */
    private static Candidate bestByEvidence(List<Candidate> candidates, String message) {
        List<String> quoted = new ArrayList<>();
        Matcher q = QUOTED.matcher(message);
        while (q.find()) {
            String s = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
            if (!s.isBlank()) {
                quoted.add(s.trim());
            }
        }
        Candidate best = null;
        int bestScore = 0;
        for (Candidate c : candidates) {
            String text = c.kind() == Kind.TEMPLATE ? PLACEHOLDER.matcher(c.text()).replaceAll(" ") : unquote(c.text());
            int score = 0;
            for (String s : quoted) {
                if (s.equals(text)) {
                    score += 100 + s.length();
                } else if (text.contains(s)) {
                    score += 10 + s.length();
                }
            }
            Matcher t = TOKEN.matcher(text);
            while (t.find()) {
                score += occurrences(message, t.group());
            }
            if (score > bestScore || (score == bestScore && score > 0 && best.kind() == Kind.TEMPLATE
                    && c.kind() == Kind.VALUE)) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static int occurrences(String message, String word) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])").matcher(message);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Messages quote the rule's own name ({@code rule "spend 500"}, {@code [Rule name='spend 500']}),
     * which would point at the NAME cell whatever the problem is.
     */
    private static String withoutRuleName(String message, String name) {
        return name == null || name.isEmpty() ? message
                : message.replace("\"" + name + "\"", " ").replace("'" + name + "'", " ");
    }

    private String keyword(Block b, int column) {
        String keyword = cell(b.headerRow() - 1 + KEYWORD_ROW, column);
        return keyword == null ? "" : keyword.toUpperCase(Locale.ROOT);
    }

    private NavigableMap<Integer, String> rowCells(int row, int fromColumn) {
        NavigableMap<Integer, String> row0 = cells.get(row);
        return row0 == null ? new TreeMap<>() : row0.tailMap(fromColumn, true);
    }

    private String cell(int row, int column) {
        NavigableMap<Integer, String> r = cells.get(row);
        return r == null ? null : r.get(column);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
