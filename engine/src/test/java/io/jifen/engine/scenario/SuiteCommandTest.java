package io.jifen.engine.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.jifen.engine.Fixtures.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

class SuiteCommandTest {
    @TempDir
    Path dir;

    @Test
    void qaRunsASuiteFromTheCommandLineAndGetsJUnitXml() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("base.drl"), HEADER + """
                rule "base"
                    ruleflow-group "base"
                when
                    Purchase()
                then
                    actions.pointsPerUnit(1, 1, "base");
                end
                """);
        Path suite = Files.writeString(dir.resolve("earning.yaml"), """
                suite: earning
                zone: Asia/Shanghai
                scenarios:
                  - name: one point per yuan
                    when: {purchase: {at: 2026-03-05T10:00, lines: [{sku: A, amount: 12.00}]}}
                    then: {totalPoints: 12}
                  - name: wrong on purpose
                    when: {purchase: {at: 2026-03-05T10:00, lines: [{sku: A, amount: 12.00}]}}
                    then: {totalPoints: 13}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SuiteCommand.run(new String[] {"run", "--rules", rules.toString(), "--junit",
                dir.resolve("reports").toString(), suite.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PASS one point per yuan")
                .contains("totalPoints: expected 13, was 12");
        assertThat(Files.readString(dir.resolve("reports/TEST-earning.xml"))).contains("failures=\"1\"");
    }

    @Test
    void rejectedRuleSetExitsWithTwoAndPrintsDiagnostics() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(rules.resolve("bad.drl"), HEADER + "rule \"x\" when Purchase() then System.exit(0); end\n");
        Path suite = Files.writeString(dir.resolve("s.yaml"), """
                suite: s
                scenarios:
                  - name: n
                    when: {tier: {at: 2026-01-01T00:00}}
                    then: {tier: none}
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SuiteCommand.run(new String[] {"run", "--rules", rules.toString(), suite.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.drl:4").contains("`System` is not allowed");
    }
}
