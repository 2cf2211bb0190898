package io.jifen.engine.compile;

/**
 * A problem found in a rule file. {@code line} is 1-based in the file the author edited: the DSLR
 * line for DSLR files, the spreadsheet row for decision tables; 0 when the problem concerns the
 * whole file. {@code column} is 0 when unknown.
 */
public record Diagnostic(String file, int line, int column, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        return s.append(": ").append(message).toString();
    }
}
