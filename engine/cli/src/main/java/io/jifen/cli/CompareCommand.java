package io.jifen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jifen compare A B}: two versions on the service, rule by rule and on the stored suites' scenarios. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two rule versions on the service: rules added, removed and changed (GET …/rule-diff),"
                + " and the scenarios of the stored suites whose result changes (POST …/stored-comparisons); a QA or"
                + " MARKETING key. The online twin of `jifen diff`.",
                "Exit 0 when compared, 2 when refused, 3 when unreachable."})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Mixin
    Service service;

    @Parameters(index = "0", paramLabel = "FROM", description = "The version compared from: a number, or `active`.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The version compared to: a number, or `active`.")
    String to;

    @Override
    public Integer call() {
        int a = Versions.number(service, from);
        int b = Versions.number(service, to);
        JsonNode rules = service.get(service.merchantPath("/rule-versions/" + a + "/rule-diff/" + b));
        JsonNode scenarios = service.post(service.merchantPath("/rule-versions/" + a + "/stored-comparisons/" + b), null);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("rules", rules);
        document.put("scenarios", scenarios);
        output.document(document);
        StringBuilder s = new StringBuilder("rules from version ").append(a).append(" to ").append(b).append(": ")
                .append(rules.path("added").size()).append(" added, ").append(rules.path("removed").size())
                .append(" removed, ").append(rules.path("changed").size()).append(" changed, ")
                .append(rules.path("unchanged").size()).append(" unchanged\n");
        rules.path("added").forEach(r -> s.append("  ADDED   ").append(rule(r)).append('\n'));
        rules.path("removed").forEach(r -> s.append("  REMOVED ").append(rule(r)).append('\n'));
        for (JsonNode c : rules.path("changed")) {
            s.append("  CHANGED ").append(rule(c.path("to"))).append('\n');
            String diff = Service.text(c, "unifiedDiff");
            if (diff != null) {
                diff.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++")
                        && !l.startsWith("---")).forEach(l -> s.append("          ").append(l.charAt(0)).append(' ')
                        .append(l.substring(1).strip()).append('\n'));
            }
        }
        for (JsonNode suite : scenarios.path("results")) {
            s.append("comparing ").append(suite.path("name").asText()).append(": version ").append(a).append(" → ")
                    .append(b).append('\n');
            for (JsonNode c : suite.path("changed")) {
                s.append("  CHANGED ").append(c.path("scenario").asText()).append('\n');
                c.path("changes").forEach(x -> s.append("          ").append(x.asText()).append('\n'));
            }
        }
        s.append(scenarios.path("changed").asLong()).append(" of ").append(scenarios.path("scenarios").asLong())
                .append(" scenarios change\n");
        output.text(s.toString());
        return Exit.PASSED;
    }

    private static String rule(JsonNode r) {
        return r.path("name").asText() + " (" + (r.hasNonNull("phase") ? r.get("phase").asText() : "no phase") + ", "
                + r.path("file").asText() + (r.hasNonNull("line") ? ":" + r.get("line").asText() : "") + ")";
    }
}
