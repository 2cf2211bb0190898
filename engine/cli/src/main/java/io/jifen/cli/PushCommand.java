package io.jifen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jifen push DIR}: uploads a folder of rule files as a draft version ({@code POST …/rule-versions}). */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Upload a folder of rule files to the service as a draft rule version (a MARKETING key). The"
                + " service compiles it; identical files answer the existing version.",
                "Exit 0 when stored (or already there), 2 when rejected (every diagnostic listed), 3 when unreachable."})
final class PushCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Mixin
    Service service;

    @Parameters(paramLabel = "DIR", description = "The folder of rule files.")
    Path folder;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the version is for (at most 500 characters).")
    String description;

    @Override
    public Integer call() {
        RuleSet ruleSet = RuleFolders.read(folder);
        List<Map<String, String>> files = new ArrayList<>();
        for (RuleFile file : ruleSet.files()) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("name", file.name());
            if (file.name().endsWith(".xlsx") || file.name().endsWith(".xls")) {
                f.put("content", Base64.getEncoder().encodeToString(file.content()));
                f.put("encoding", "base64");
            } else {
                f.put("content", file.text());
            }
            files.add(f);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (description != null) {
            body.put("description", description);
        }
        body.put("files", files);
        Service.Answer answer = service.send("POST", service.merchantPath("/rule-versions"), body);
        JsonNode version = Service.ok(answer);
        output.document(version);
        output.line((answer.status() == 201 ? "stored as version " : "identical to version ")
                + version.path("number").asText() + " (" + version.path("status").asText() + "), "
                + files.size() + " files, content hash " + version.path("contentHash").asText().substring(0, 12));
        return Exit.PASSED;
    }
}
