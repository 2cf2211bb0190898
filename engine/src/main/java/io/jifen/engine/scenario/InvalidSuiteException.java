package io.jifen.engine.scenario;

import java.io.IOException;
import java.util.List;

/**
 * A suite that cannot be read or cannot run: every problem found, each where it is written. The
 * message names the file and the first problem with its line, as a person reading a log needs it.
 */
public class InvalidSuiteException extends IOException {
    private final transient List<Finding> findings;

    /**
     * One problem. {@code line} and {@code column} are 1-based in the suite's text, null when the
     * problem concerns the whole suite (an empty text); {@code path} names the key as a JSON path
     * ({@code scenarios[1].then.totalPointz}), null for a syntax error.
     */
    public record Finding(Integer line, Integer column, String path, String message) {
        @Override
        public String toString() {
            return (path == null ? "" : path + ": ") + message + (line == null ? "" : " (line " + line + ")");
        }
    }

    public InvalidSuiteException(String fileName, List<Finding> findings, Throwable cause) {
        super(fileName + ": " + findings.get(0) + (findings.size() > 1 ? " and " + (findings.size() - 1) + " more" : ""),
                cause);
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
