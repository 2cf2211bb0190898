package io.jifen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jifen activate N [--at INSTANT]}: puts a version live, now or at an instant, through the suite gate. */
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = {"Activate a rule version now, or schedule it with --at (POST …/rule-versions/{n}/activation; a"
                + " MARKETING key). The service runs the stored suites first (the suite gate): a failing scenario"
                + " refuses the activation unless --override-reason says why to release anyway.",
                "Exit 0 when activated or scheduled, 1 when the suite gate refuses it, 2 when refused otherwise, 3 when"
                        + " unreachable."})
final class ActivateCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Mixin
    Service service;

    @Parameters(paramLabel = "VERSION", description = "The version number.")
    int version;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "When it goes live, with its offset: 2026-12-01T00:00:00+08:00 (default: now).")
    OffsetDateTime at;

    @Option(names = "--override-reason", paramLabel = "TEXT",
            description = "Release although stored suites fail, saying why (1-500 characters; audited).")
    String overrideReason;

    @Override
    public Integer call() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (at != null) {
            // as an instant: OffsetDateTime.toString drops ":00" seconds, which the service refuses
            body.put("at", at.toInstant().toString());
        }
        if (overrideReason != null) {
            body.put("override", Map.of("reason", overrideReason));
        }
        Service.Answer answer = service.send("POST", service.merchantPath("/rule-versions/" + version + "/activation"),
                body);
        if (answer.status() == 409 && answer.body().path("type").asText().endsWith("/suite-gate")) {
            Failure gate = Service.problem(answer, Exit.SCENARIO_FAILED);
            List<String> details = new ArrayList<>(gate.details());
            for (JsonNode suite : answer.body().path("failures")) {
                for (JsonNode scenario : suite.path("scenarios")) {
                    details.add("FAIL " + suite.path("name").asText() + ": " + scenario.path("name").asText());
                    scenario.path("differences").forEach(d -> details.add("       " + d.asText()));
                }
            }
            throw new Failure(Exit.SCENARIO_FAILED, gate.getMessage(), details);
        }
        JsonNode activation = Service.ok(answer);
        output.document(activation);
        JsonNode gate = activation.path("suiteGate");
        output.line("version " + activation.path("version").asText() + (answer.status() == 202 ? " scheduled for "
                : " active from ") + activation.path("effectiveAt").asText() + "; suite gate " + gate.path("outcome")
                .asText() + " (" + gate.path("scenarios").asLong() + " scenarios, " + gate.path("failed").asLong()
                + " failed)");
        return Exit.PASSED;
    }
}
