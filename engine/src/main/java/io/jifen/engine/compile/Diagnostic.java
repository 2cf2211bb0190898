package io.jifen.engine.compile;

/**
 * A problem found in a rule file. {@code line} is 1-based in the file the author edited: the DSLR
 * line for DSLR files, the spreadsheet row for decision tables; 0 when the problem concerns the
 * whole file. {@code column} is 0 when unknown (always for decision tables). {@code cell} is the
 * spreadsheet cell of a decision-table problem when it is known ({@code D12}, on row {@code line}),
 * else null.
 */
public record Diagnostic(String file, int line, int column, String cell, String message) {

    public Diagnostic(String file, int line, int column, String message) {
        this(file, line, column, null, message);
    }

    /** {@code file:line:column: message}, or {@code file!D12: message} for a spreadsheet cell. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (cell != null) {
            s.append('!').append(cell);
        } else if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.append(": ").append(message).toString();
    }
}
