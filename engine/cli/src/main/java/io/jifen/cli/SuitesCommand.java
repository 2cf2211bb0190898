package io.jifen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jifen suites run [VERSION]}: the merchant's stored suites, run by the service on a version. */
@Command(name = "suites", mixinStandardHelpOptions = true, subcommands = SuitesCommand.Run.class,
        description = "The merchant's stored regression suites, on the service.")
final class SuitesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a suites command: run");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run every current stored suite of the merchant on a rule version, drafts included"
                    + " (POST …/rule-versions/{n}/stored-suite-runs; a QA or MARKETING key): the run the suite gate makes.",
                    "Exit 0 when every scenario passes, 1 when one fails, 2 when refused, 3 when unreachable."})
    static final class Run implements Callable<Integer> {
        @Mixin
        Output output;

        @Mixin
        Service service;

        @Parameters(paramLabel = "VERSION", defaultValue = "active",
                description = "The version number, or `active` for the live one (default).")
        String version;

        @Override
        public Integer call() {
            int number = Versions.number(service, version);
            JsonNode run = service.post(service.merchantPath("/rule-versions/" + number + "/stored-suite-runs"), null);
            output.document(run);
            StringBuilder s = new StringBuilder();
            for (JsonNode suite : run.path("results")) {
                s.append("suite ").append(suite.path("name").asText()).append(" (revision ")
                        .append(suite.path("revision").asText()).append(") on version ").append(number).append('\n');
                for (JsonNode scenario : suite.path("results")) {
                    s.append(scenario.path("passed").asBoolean() ? "  PASS " : "  FAIL ")
                            .append(scenario.path("name").asText()).append('\n');
                    scenario.path("differences").forEach(d -> s.append("         ").append(d.asText()).append('\n'));
                }
            }
            s.append(run.path("passed").asLong()).append(" passed, ").append(run.path("failed").asLong())
                    .append(" failed (").append(run.path("suites").asLong()).append(" stored suites on version ")
                    .append(number).append(")\n");
            output.text(s.toString());
            return run.path("failed").asLong() == 0 ? Exit.PASSED : Exit.SCENARIO_FAILED;
        }
    }
}
