package io.jifen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QA's offline commands, run as a process on the built jar ({@link JifenProcess}): the reference program
 * and its suites (rules/), and broken rule files; every exit code of docs/cli.md.
 */
class OfflineCommandsIT {
    static final Path RULES = Path.of(System.getProperty("jifen.rules.folder", "../../rules/src/main/resources/io/jifen/rules"));
    static final Path REFERENCE = RULES.resolve("reference");
    static final Path SUITES = RULES.resolve("suites");
    static final String HEADER = "package shop;\nimport io.jifen.engine.facts.*;\nglobal RuleActions actions;\n";

    @TempDir
    Path dir;

    @Test
    void theReferenceProgramValidatesWithEveryRuleCounted() {
        JifenProcess.Result r = JifenProcess.run("validate", REFERENCE.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("32 rules in 8 files compile");
    }

    @Test
    void qaRunsTheReferenceSuitesAndGetsOneJUnitReportPerSuite() throws IOException {
        Path reports = dir.resolve("reports");
        JifenProcess.Result r = JifenProcess.run("test", REFERENCE.toString(), SUITES.toString(), "--junit",
                reports.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("PASS a regular member earns 1 point per yuan").containsPattern("\\d+ passed, 0 failed");
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("TEST-earning.xml", "TEST-tiers.xml")
                    .hasSize(8);
        }
        assertThat(Files.readString(reports.resolve("TEST-earning.xml"))).contains("failures=\"0\"")
                .contains("<testcase classname=\"earning\" name=\"a regular member earns 1 point per yuan\"");
    }

    @Test
    void aDrlSyntaxErrorIsShownAtItsFileAndLineAndRejectsTheRuleSet() throws IOException {
        Path rules = folder("syntax", "promo.drl", HEADER + "rule \"broken\"\n    ruleflow-group \"base\"\nwhen\n"
                + "    Purchase( total >>> 3 )\nthen\n    actions.pointsPerUnit(1, 1, \"x\");\nend\n");
        JifenProcess.Result r = JifenProcess.run("validate", rules.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).contains(rules.resolve("promo.drl") + ":7").contains("rejected, 1 problem(s)");
    }

    @Test
    void aBrokenDecisionTableIsShownAtItsCell() throws IOException {
        String table = Files.readString(REFERENCE.resolve("category-rates.csv"))
                .replace("actions.lineMultiplier(", "actions.lineMultiplyer(");
        Path rules = folder("table", "category-rates.csv", table);
        JifenProcess.Result r = JifenProcess.run("validate", rules.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stdout()).contains(rules.resolve("category-rates.csv") + "!D9: calling `lineMultiplyer` is not allowed");
        JifenProcess.Result json = JifenProcess.run("validate", "--json", rules.toString());
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.stdout()).contains("\"ok\" : false").contains("\"at\" : \"" + rules.resolve("category-rates.csv") + "!D9\"")
                .contains("\"cell\" : \"D9\"").contains("\"line\" : 9");
    }

    @Test
    void aRuleThatReachesOutsideTheFactModelIsRefusedAndNothingRuns() throws IOException {
        Path rules = folder("unsafe", "sneaky.drl", HEADER + "rule \"sneaky\"\n    ruleflow-group \"base\"\nwhen\n"
                + "    Purchase()\nthen\n    System.exit(0);\nend\n");
        Path suite = suite("smoke.yaml", "one point per yuan", "{totalPoints: 12}");
        JifenProcess.Result r = JifenProcess.run("test", rules.toString(), suite.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("is rejected").contains("sneaky.drl:9: `System` is not allowed in rules");
        assertThat(r.stdout()).doesNotContain("PASS");
    }

    @Test
    void aFailingScenarioExitsWithOneAndShowsWhatDiffered() throws IOException {
        Path rules = onePointPerYuan();
        Path suite = suite("earning.yaml", "wrong on purpose", "{totalPoints: 13}");
        Path reports = dir.resolve("reports");
        JifenProcess.Result r = JifenProcess.run("test", rules.toString(), suite.toString(), "--junit", reports.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).contains("FAIL wrong on purpose").contains("totalPoints: expected 13, was 12")
                .contains("0 passed, 1 failed");
        assertThat(Files.readString(reports.resolve("TEST-earning.xml"))).contains("failures=\"1\"");
    }

    @Test
    void aSuiteWithATypoIsRefusedAtItsLineBeforeAnythingRuns() throws IOException {
        Path suite = suite("typo.yaml", "typo", "{totalPointz: 12}");
        JifenProcess.Result r = JifenProcess.run("test", onePointPerYuan().toString(), suite.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains(suite + ":").contains("unknown key `totalPointz`");
    }

    @Test
    void anUnknownFlagOrCommandIsBadUsage() {
        JifenProcess.Result flag = JifenProcess.run("test", "--junitt", "x", REFERENCE.toString(), SUITES.toString());
        assertThat(flag.exitCode()).as(flag.toString()).isEqualTo(2);
        assertThat(flag.stderr()).contains("Unknown option: '--junitt'");
        JifenProcess.Result command = JifenProcess.run("vaildate", REFERENCE.toString());
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.stderr()).contains("Did you mean: jifen validate");
    }

    @Test
    void diffNamesTheChangedRuleAndTheScenariosWhoseResultChanges() throws IOException {
        Path draft = copyOfTheReferenceProgram("draft");
        Files.writeString(draft.resolve("earning.drl"), Files.readString(draft.resolve("earning.drl"))
                .replace("actions.pointsPerUnit(1, 1,", "actions.pointsPerUnit(2, 1,"));
        JifenProcess.Result r = JifenProcess.run("diff", REFERENCE.toString(), draft.toString(), "--suites",
                SUITES.resolve("earning.yaml").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("0 added, 0 removed, 1 changed, 31 unchanged")
                .contains("CHANGED earn 1 point per yuan (base, " + draft.resolve("earning.drl"))
                .contains("- actions.pointsPerUnit(1, 1,").contains("+ actions.pointsPerUnit(2, 1,")
                .contains("CHANGED a regular member earns 1 point per yuan").contains("totalPoints: 120 → 240");
    }

    @Test
    void tryExplainsEachAwardWithItsRuleAndReason() {
        JifenProcess.Result r = JifenProcess.run("try", REFERENCE.toString(), "--purchase", """
                {"transactionId": "order-1001", "memberId": "lin-mei", "occurredAt": "2026-11-10T03:00:00Z",
                 "total": "520.00", "lines": [{"sku": "OIL-5L", "category": "grocery", "quantity": 4, "unitPrice": "130.00"}]}
                """);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("1140 points for purchase order-1001 of member lin-mei")
                .contains("+520  earn 1 point per yuan  [base, BASE]").contains("because 1 point per yuan of eligible spend")
                .contains("+520  member day: double points on the 10th  [multiplier, MEMBER_DAY]")
                .contains("+100  100 bonus points for 500 yuan or more in the year-end campaign");
    }

    @Test
    void tryRefusesAPurchaseWithAnUnknownKeyNamingIt() {
        JifenProcess.Result r = JifenProcess.run("try", REFERENCE.toString(), "--purchase",
                "{\"transactionId\": \"o-1\", \"memberId\": \"m\", \"occurredAt\": \"2026-03-05T02:00:00Z\", \"totl\": \"5\"}");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("unknown key `totl`");
    }

    @Test
    void jsonAnswersAreOneDocumentOnStdout() {
        JifenProcess.Result r = JifenProcess.run("validate", "--json", REFERENCE.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout().strip()).startsWith("{").endsWith("}").contains("\"ok\" : true")
                .contains("\"name\" : \"earn 1 point per yuan\"");
    }

    @Test
    void simulateReportsWhatADraftChangesOnAFileOfPurchasesAndEvents() throws IOException {
        Path draft = copyOfTheReferenceProgram("draft");
        Files.writeString(draft.resolve("earning.drl"), Files.readString(draft.resolve("earning.drl"))
                .replace("actions.pointsPerUnit(1, 1,", "actions.pointsPerUnit(2, 1,"));
        Path transactions = Files.writeString(dir.resolve("history.jsonl"), String.join("\n",
                "{\"transactionId\": \"o-1\", \"memberId\": \"lin-mei\", \"occurredAt\": \"2026-03-05T02:00:00Z\", \"total\": \"120.00\","
                        + " \"lines\": [{\"sku\": \"RICE\", \"category\": \"grocery\", \"amount\": \"120.00\"}]}",
                "{\"transactionId\": \"o-2\", \"memberId\": \"wang-fang\", \"occurredAt\": \"2026-03-06T02:00:00Z\", \"total\": \"50.00\","
                        + " \"member\": {\"tier\": \"GOLD\"}}",
                "{\"transactionId\": \"e-1\", \"memberId\": \"lin-mei\", \"occurredAt\": \"2026-03-05T03:00:00Z\", \"type\": \"SHARE\"}",
                ""));
        Path csv = dir.resolve("report.csv");
        JifenProcess.Result r = JifenProcess.run("simulate", draft.toString(), "--baseline", REFERENCE.toString(),
                "--transactions", transactions.toString(), "--point-value", "0.01", "--csv", csv.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // lin-mei: 120 → 240; wang-fang (gold, base doubled by the tier): 50 + 50 → 100 + 100; the share 10 on both
        assertThat(r.stdout()).contains("transactions: 2 purchases, 1 events; 3 replayed, 2 changed, 0 failed")
                .contains("points: baseline 230, candidate 450, change +220")
                .contains("members: 2 (2 gaining, 0 losing, 0 equal)")
                .contains("liability: baseline 2.30, candidate 4.50, change 2.20 CNY")
                .contains("+170  earn 1 point per yuan [base, BASE]: 170 → 340")
                .contains("+50  gold members earn double [multiplier, TIER]: 50 → 100");
        assertThat(Files.readString(csv)).startsWith("section,name,baseline,candidate,change,count,detail\r\n")
                .contains("total,points,230,450,220,3,");
    }

    @Test
    void simulateReadsTheSameHistoryFromCsvWithOneRowPerPurchaseLine() throws IOException {
        Path transactions = Files.writeString(dir.resolve("history.csv"), """
                transactionId,memberId,occurredAt,type,total,sku,category,amount,tier
                o-1,lin-mei,2026-03-05T02:00:00Z,,120.00,RICE,grocery,100.00,
                o-1,lin-mei,2026-03-05T02:00:00Z,,120.00,SOAP,household,20.00,
                o-2,wang-fang,2026-03-06T02:00:00Z,,50.00,,,,GOLD
                e-1,lin-mei,2026-03-05T03:00:00Z,SHARE,,,,,
                """);
        JifenProcess.Result r = JifenProcess.run("simulate", REFERENCE.toString(), "--transactions",
                transactions.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // no baseline: what the reference program awards is the change: o-1 120 + 20 (household goods earn
        // double), o-2 50 + 50 (gold), the share 10
        assertThat(r.stdout()).contains("\"purchases\" : 2").contains("\"events\" : 1")
                .contains("\"candidate\" : 250").contains("\"rule\" : \"household goods earn double\"");
    }

    @Test
    void simulateCountsTheDaysEarlierEventsSoTheFourthShareOfADayEarnsNothing() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            lines.append("{\"transactionId\": \"share-").append(i).append("\", \"memberId\": \"lin-mei\", \"occurredAt\":"
                    + " \"2026-03-05T0").append(i).append(":00:00Z\", \"type\": \"SHARE\"}\n");
        }
        lines.append("{\"transactionId\": \"share-5\", \"memberId\": \"lin-mei\", \"occurredAt\": \"2026-03-06T01:00:00Z\","
                + " \"type\": \"SHARE\"}\n");
        Path transactions = Files.writeString(dir.resolve("shares.jsonl"), lines.toString());
        JifenProcess.Result r = JifenProcess.run("simulate", REFERENCE.toString(), "--transactions",
                transactions.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // 10 points for each of the first three shares of 5 March, none for the fourth, 10 again on 6 March
        assertThat(r.stdout()).contains("transactions: 0 purchases, 5 events; 5 replayed")
                .contains("points: baseline 0, candidate 40, change +40");
    }

    @Test
    void helpListsEveryCommandWithTheExitCodesAndCompletionIsGenerated() {
        JifenProcess.Result help = JifenProcess.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("validate", "test", "diff", "try", "simulate", "push", "suites", "compare",
                "activate", "status", "generate-completion", "Exit codes:", "JIFEN_API_KEY");
        JifenProcess.Result completion = JifenProcess.run("generate-completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.stdout()).contains("complete -F _complete_jifen").contains("simulate");
    }

    @Test
    void theProgressBarGoesToStderrOnlyWhenStderrIsATerminal() throws IOException {
        Path suite = ManyScenarios.write(dir.resolve("many.yaml"), 600, 3);
        JifenProcess.Result onATerminal = JifenProcess.run(Map.of(), List.of("-Djifen.stderr.terminal=true"), "test",
                REFERENCE.toString(), suite.toString(), "--failures-only");
        assertThat(onATerminal.exitCode()).as(onATerminal.toString()).isZero();
        assertThat(onATerminal.stderr()).contains("scenarios").contains("600/600");
        assertThat(onATerminal.stdout()).contains("600 passed, 0 failed").doesNotContain("600/600");
        JifenProcess.Result piped = JifenProcess.run(Map.of(), List.of("-Djifen.stderr.terminal=false"), "test",
                REFERENCE.toString(), suite.toString(), "--failures-only");
        assertThat(piped.stderr()).isEmpty();
        JifenProcess.Result json = JifenProcess.run(Map.of(), List.of("-Djifen.stderr.terminal=true"), "test",
                REFERENCE.toString(), suite.toString(), "--json");
        assertThat(json.stderr()).isEmpty();
    }

    private Path onePointPerYuan() throws IOException {
        return folder("rules", "base.drl", HEADER + "rule \"base\"\n    ruleflow-group \"base\"\nwhen\n    Purchase()\n"
                + "then\n    actions.pointsPerUnit(1, 1, \"base\");\nend\n");
    }

    private Path suite(String file, String scenario, String then) throws IOException {
        return Files.writeString(dir.resolve(file), "suite: " + file.replace(".yaml", "") + "\nzone: Asia/Shanghai\n"
                + "scenarios:\n  - name: " + scenario + "\n    when: {purchase: {at: 2026-03-05T10:00, lines: [{sku: A,"
                + " amount: 12.00}]}}\n    then: " + then + "\n");
    }

    private Path folder(String name, String file, String content) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve(file), content);
        return folder;
    }

    private Path copyOfTheReferenceProgram(String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(REFERENCE)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
