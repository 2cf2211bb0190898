package io.jifen.cli;

import java.util.List;

/**
 * Why a command stops with an exit code other than 0, in words for the person at the terminal: the
 * message, then one line per detail (a diagnostic, a field the service refused). Printed on stderr;
 * with {@code --json} also as {@code {"error", "exitCode", "details"}} on stdout.
 */
public final class Failure extends RuntimeException {
    private final int exitCode;
    private final List<String> details;

    public Failure(int exitCode, String message, List<String> details) {
        super(message);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public Failure(int exitCode, String message) {
        this(exitCode, message, List.of());
    }

    public static Failure usage(String message) {
        return new Failure(Exit.REJECTED_OR_USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> details() {
        return details;
    }
}
