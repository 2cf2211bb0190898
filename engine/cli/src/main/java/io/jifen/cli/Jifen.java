package io.jifen.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jifen}: QA's and marketing's command line (docs/cli.md). Offline on folders of rule files, or
 * online against a running Jifen service; the same exit codes for every command ({@link Exit}).
 */
@Command(name = "jifen", mixinStandardHelpOptions = true, versionProvider = Jifen.Version.class,
        description = "Check, test, compare, try and simulate loyalty rule files offline, and release them through a"
                + " running Jifen service.",
        commandListHeading = "%nCommands (offline on folders of rule files: validate to simulate; online, against a running service:"
                + " push to status):%n",
        subcommands = {ValidateCommand.class, TestCommand.class, DiffCommand.class, TryCommand.class,
                SimulateCommand.class, PushCommand.class, SuitesCommand.class, CompareCommand.class,
                ActivateCommand.class, StatusCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed: the rule set compiles, every scenario passed, the service did what was asked",
                "1:a scenario failed (also: the service's suite gate refused an activation)",
                "2:the rule set was rejected or refused as unsafe, or bad usage (a flag, a file, input the service refused)",
                "3:the service cannot be reached (or answered 5xx)"},
        footer = {"%nOnline commands read the API key from the environment variable JIFEN_API_KEY (never an argument),"
                + " the service from --server or JIFEN_SERVER, the merchant from --merchant or JIFEN_MERCHANT.",
                "%nShell completion: source <(jifen generate-completion)", "%nDocumentation: docs/cli.md"})
public final class Jifen implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        // Apache POI (decision tables) logs through Log4j's API: its simple logger, errors only, instead of a
        // warning that no logging provider is found
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.exit(commandLine().execute(args));
    }

    /** The command line with its exit codes: usage errors 2, failures their own code. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Jifen());
        cli.setExecutionExceptionHandler(Jifen::failed);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("jifen: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr())) {
                c.getErr().println("See '" + c.getCommandSpec().qualifiedName() + " --help'.");
            }
            c.getErr().flush();
            return Exit.REJECTED_OR_USAGE;
        });
        CommandLine completion = cli.getSubcommands().get("generate-completion");
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Print a bash/zsh completion script for jifen: source <(jifen generate-completion)");
        return cli;
    }

    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Failure failure = e instanceof Failure f ? f
                : new Failure(Exit.REJECTED_OR_USAGE, e.getClass().getSimpleName() + ": " + e.getMessage());
        PrintWriter err = command.getErr();
        err.println("jifen: " + failure.getMessage());
        failure.details().forEach(d -> err.println("  " + d));
        err.flush();
        if (command.getParseResult() != null && command.getParseResult().hasMatchedOption("--json")) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("error", failure.getMessage());
            document.put("exitCode", failure.exitCode());
            document.put("details", failure.details());
            try {
                command.getOut().println(Output.JSON.writeValueAsString(document));
            } catch (Exception ignored) {
                // the text on stderr says it all
            }
            command.getOut().flush();
        }
        return failure.exitCode();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (jifen --help lists them)");
    }

    /** The version the jar was built as (its manifest). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Jifen.class.getPackage().getImplementationVersion();
            return new String[] {"jifen " + (version == null ? "(development build)" : version)};
        }
    }
}
