package io.jifen.engine.compile;

import java.util.function.IntUnaryOperator;

/**
 * A rule file turned into DRL, with the way back from a DRL line to the line (or spreadsheet row)
 * the author edited, so every diagnostic points at what the author can change.
 */
public record TranslatedSource(String fileName, RuleFileKind kind, String drl, IntUnaryOperator authorLine) {

    public Diagnostic diagnostic(int drlLine, int column, String message) {
        int line = drlLine > 0 ? authorLine.applyAsInt(drlLine) : 0;
        // a generated DRL column means nothing in a spreadsheet
        return new Diagnostic(fileName, line, kind.isDecisionTable() ? 0 : column, message);
    }
}
