package io.jifen.cli;

/** The command line's exit codes (docs/cli.md): the same for every command. */
public final class Exit {
    /** Everything passed: the rule set compiles, every scenario passed, the service did what was asked. */
    public static final int PASSED = 0;
    /** A scenario failed: a suite run locally or on the service, or the service's suite gate refused an activation. */
    public static final int SCENARIO_FAILED = 1;
    /** The rule set was rejected (or refused as unsafe), or the command was used wrongly: a bad flag, a missing file, input the service refused. */
    public static final int REJECTED_OR_USAGE = 2;
    /** The service cannot be reached, or answered that it cannot serve (5xx). */
    public static final int UNREACHABLE = 3;

    private Exit() {
    }
}
