package io.jifen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jifen status}: the live version and the latest activations. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The merchant's live rule version and its latest activations, pending ones included (GET"
                + " …/rule-versions/active, GET …/activations; a MARKETING or QA key).",
                "Exit 0 when answered (also when no version is active yet), 2 when refused, 3 when unreachable."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Mixin
    Service service;

    @Override
    public Integer call() {
        Service.Answer active = service.send("GET", service.merchantPath("/rule-versions/active"), null);
        boolean none = active.status() == 409 && active.body().path("type").asText().endsWith("/no-active-rule-version");
        JsonNode live = none ? null : Service.ok(active);
        // a page of the activations, newest first (the list pages like every list of the API)
        JsonNode activations = service.get(service.merchantPath("/activations?limit=10")).path("items");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("server", service.server);
        document.put("merchant", service.merchant);
        document.put("active", live);
        document.put("activations", activations);
        output.document(document);
        StringBuilder s = new StringBuilder("merchant ").append(service.merchant).append(" at ").append(service.server)
                .append('\n');
        if (live == null) {
            s.append("no version is active yet\n");
        } else {
            s.append("live: version ").append(live.path("number").asText()).append(" (")
                    .append(live.path("description").asText("")).append("), content hash ")
                    .append(live.path("contentHash").asText()).append('\n');
        }
        if (!activations.isEmpty()) {
            s.append("activations, latest first:\n");
            for (JsonNode a : activations) {
                s.append("  ").append(String.format("%-10s", a.path("state").asText())).append(" version ")
                        .append(a.path("version").asText()).append(" at ").append(a.path("effectiveAt").asText())
                        .append(", suite gate ").append(a.path("suiteGate").path("outcome").asText()).append('\n');
            }
        }
        output.text(s.toString());
        return Exit.PASSED;
    }
}
