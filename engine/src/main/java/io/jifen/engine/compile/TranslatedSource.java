package io.jifen.engine.compile;

/**
 * A rule file turned into DRL, with the way back from a DRL line to the line (or spreadsheet row
 * and cell) the author edited, so every diagnostic points at what the author can change.
 */
public record TranslatedSource(String fileName, RuleFileKind kind, String drl, Locator locator) {

    /** Where a problem reported at a DRL line and column (0: unknown), with this message, is in the authored file. */
    @FunctionalInterface
    public interface Locator {
        Place place(int drlLine, int drlColumn, String message);

        /** DRL and expanded DSLR keep the author's lines (the DSLR expander keeps line breaks). */
        Locator SAME_LINES = (line, column, message) -> new Place(line, column, null);
    }

    /** A line (or row) and column of the authored file, and the spreadsheet cell when there is one. */
    public record Place(int line, int column, String cell) {
    }

    public Diagnostic diagnostic(int drlLine, int column, String message) {
        if (drlLine <= 0) {
            return new Diagnostic(fileName, 0, 0, message);
        }
        Place place = locator.place(drlLine, Math.max(column, 0), message);
        // a generated DRL column means nothing in a spreadsheet
        return new Diagnostic(fileName, place.line(), kind.isDecisionTable() ? 0 : place.column(), place.cell(), message);
    }
}
