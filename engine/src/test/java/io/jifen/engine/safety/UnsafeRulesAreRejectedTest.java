package io.jifen.engine.safety;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.Diagnostic;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every construct the allow-list forbids, each rejected with a message that says why and where. */
class UnsafeRulesAreRejectedTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();

    private static final String HEADER = """
            package jifen.unsafe;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            """; // 3 lines, so the rule below starts on line 4

    /** A rule whose consequence (line 8) is the given code. */
    private static String ruleWithConsequence(String code) {
        return HEADER + """
                rule "unsafe"
                    ruleflow-group "bonus"
                when
                    $p : Purchase()
                then
                    %s
                end
                """.formatted(code);
    }

    static Stream<Arguments> forbiddenConsequences() {
        return Stream.of(
                Arguments.of("System.exit(0);", "`System` is not allowed"),
                Arguments.of("Runtime.getRuntime().exec(\"rm -rf /\");", "`Runtime` is not allowed"),
                Arguments.of("Thread.currentThread().interrupt();", "`Thread` is not allowed"),
                Arguments.of("Object o = $p.getClass();", "calling `getClass` is not allowed"),
                Arguments.of("java.lang.Class.forName(\"x\");", "`java.lang.Class` is not allowed"),
                Arguments.of("java.io.File f = null;", "`java.io.File` is not allowed"),
                Arguments.of("new java.net.Socket(\"evil\", 80);", "`new java.net.Socket` is not allowed"),
                Arguments.of("new ProcessBuilder(\"sh\").start();", "`new ProcessBuilder` is not allowed"),
                Arguments.of("while (true) { actions.bonus(1, \"TASK\", \"x\"); }", "loops (`while`) are not allowed"),
                Arguments.of("for (int i = 0; i < 10; i++) { }", "loops (`for`) are not allowed"),
                Arguments.of("do { } while (true);", "loops (`do`) are not allowed"),
                Arguments.of("$p.getLines().forEach(l -> actions.bonus(1, \"TASK\", \"x\"));", "calling `forEach` is not allowed"),
                Arguments.of("$p.getLines().stream().map(LineItem::getSku);", "calling `stream` is not allowed"),
                Arguments.of("drools.halt();", "`drools` gives access to the engine itself"),
                Arguments.of("if ($p.getTotal().signum() > 0) { actions.capTotal(2000, \"cap\"); modify }",
                        "`modify` is not allowed in rules: it re-activates rules"),
                Arguments.of("update;", "`update` is not allowed in rules: it re-activates rules"),
                Arguments.of("kcontext.getKieRuntime();", "`kcontext` gives access to the engine itself"),
                Arguments.of("java.time.LocalDate d = java.time.LocalDate.now();", "reads the wall clock"),
                Arguments.of("double r = Math.random();", "non-deterministic"),
                Arguments.of("int[] a = new int[100000000];", "arrays are not allowed"),
                Arguments.of("try { } catch (Exception e) { }", "`try` is not allowed"),
                Arguments.of("String s = \"x\".repeat(1000000000);", "calling `repeat` is not allowed"),
                Arguments.of("new Object();", "`new Object` is not allowed"),
                Arguments.of("java.util.List l = new java.util.ArrayList<>(2000000000);", "create collections empty"),
                Arguments.of("java.math.BigDecimal b = $p.getTotal().pow(999999999);", "calling `pow` is not allowed"),
                Arguments.of("java.util.List l = java.util.Collections.nCopies(2000000000, $p);", "calling `nCopies` is not allowed"));
    }

    @Test
    void emptyCollectionsAndDecimalsMayBeCreated() {
        CompilationResult result = ENGINE.compile(RuleSet.of(RuleFile.text("safe.drl", ruleWithConsequence(
                "java.util.List<String> skus = new java.util.ArrayList<>(); java.math.BigDecimal d = new java.math.BigDecimal(\"1.5\");"
                        + " java.math.BigDecimal hundred = new java.math.BigDecimal(100);"
                        + " actions.bonus(d.add(hundred).setScale(0, java.math.RoundingMode.DOWN).longValue(), \"TASK\", \"decimals\");"))));
        assertThat(result).isInstanceOf(CompilationResult.Compiled.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenConsequences")
    void consequenceIsRejectedAtItsLine(String code, String expectedMessage) {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("unsafe.drl", ruleWithConsequence(code)));
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("unsafe.drl");
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.message()).contains(expectedMessage);
        });
    }

    @Test
    void forbiddenCallOnTheThirdLineOfAConsequenceIsReportedThere() {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("unsafe.drl", ruleWithConsequence(
                "actions.bonus(1, \"TASK\", \"one\");\n        actions.bonus(2, \"TASK\", \"two\");\n        System.exit(1);")));
        assertThat(diagnostics).extracting(Diagnostic::line).containsExactly(11);
    }

    @Test
    void textInsideAReasonIsNotMistakenForCode() {
        CompilationResult result = ENGINE.compile(RuleSet.of(RuleFile.text("safe.drl", ruleWithConsequence(
                "actions.bonus(5, \"TASK\", \"while System.exit is mentioned, new File() is only text\");"))));
        assertThat(result).isInstanceOf(CompilationResult.Compiled.class);
    }

    static Stream<Arguments> forbiddenDeclarations() {
        return Stream.of(
                Arguments.of(HEADER + "function int twice(int x) { return 2 * x; }\n", 4, "`function` declarations are not allowed"),
                Arguments.of("package jifen.unsafe;\nimport java.io.File;\n", 2, "import of `java.io.File` is not allowed"),
                Arguments.of("package jifen.unsafe;\nimport java.lang.reflect.*;\n", 2, "import of `java.lang.reflect.*` is not allowed"),
                Arguments.of(HEADER + "global java.util.List sink;\n", 4, "global `sink` is not allowed"),
                Arguments.of(HEADER + """
                        rule "eval"
                            ruleflow-group "bonus"
                        when
                            eval(true)
                        then
                        end
                        """, 7, "`eval` is not allowed"),
                Arguments.of(HEADER + """
                        rule "timer"
                            ruleflow-group "bonus"
                            timer (int: 1s)
                        when
                            Purchase()
                        then
                        end
                        """, 6, "attribute `timer` is not allowed"),
                Arguments.of(HEADER + """
                        rule "dated"
                            ruleflow-group "bonus"
                            date-effective "01-Jan-2026"
                        when
                            Purchase()
                        then
                        end
                        """, 6, "it depends on the wall clock"),
                Arguments.of(HEADER + """
                        rule "mvel"
                            ruleflow-group "bonus"
                            dialect "mvel"
                        when
                            Purchase()
                        then
                        end
                        """, 6, "dialect \"mvel\" is not allowed"),
                Arguments.of(HEADER + """
                        rule "no phase"
                        when
                            Purchase()
                        then
                        end
                        """, 4, "declares no phase"),
                Arguments.of(HEADER + """
                        rule "wrong phase"
                            ruleflow-group "whenever"
                        when
                            Purchase()
                        then
                        end
                        """, 4, "names phase \"whenever\", which does not exist"),
                Arguments.of(HEADER + """
                        rule "inline accumulate"
                            ruleflow-group "bonus"
                        when
                            $n : Number() from accumulate(LineItem($a : amount), init(int c = 0;), action(c++;), result(c))
                        then
                        end
                        """, 7, "accumulate with inline code is not allowed"),
                Arguments.of(HEADER + """
                        rule "constraint calls System"
                            ruleflow-group "bonus"
                        when
                            Purchase(total > System.currentTimeMillis())
                        then
                        end
                        """, 7, "`System` is not allowed"),
                Arguments.of(HEADER + """
                        rule "foreign fact"
                            ruleflow-group "bonus"
                        when
                            java.io.File()
                        then
                        end
                        """, 7, "pattern on `java.io.File` is not allowed"),
                Arguments.of(HEADER + """
                        rule "three lines at once"
                            ruleflow-group "bonus"
                        when
                            LineItem()
                            LineItem()
                            $p : Purchase()
                            $l : LineItem() from $p.lines
                        then
                        end
                        """, 4, "matches 3 purchase lines (or `from` items) at once: at most 2"),
                Arguments.of(HEADER + """
                        rule "power"
                            ruleflow-group "bonus"
                        when
                            Purchase(total.pow(64).pow(64).pow(64) > 1)
                        then
                        end
                        """, 7, "calling `pow` is not allowed"),
                Arguments.of(HEADER + """
                        rule "meta"
                            @meta(java.lang.System.exit(0))
                            ruleflow-group "bonus"
                        when
                            Purchase()
                        then
                        end
                        """, 5, "annotation `@meta` may only hold text in quotes"),
                Arguments.of(HEADER + """
                        declare Leak
                            handle : java.io.File
                        end
                        """, 5, "has type `java.io.File`, which is not allowed"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("forbiddenDeclarations")
    void forbiddenDeclarationIsRejectedAtItsLine(String drl, int line, String expectedMessage) {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("unsafe.drl", drl));
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.message()).contains(expectedMessage);
            assertThat(d.line()).isEqualTo(line);
        });
    }

    @Test
    void unsafeCodeExpandedFromAMerchantsOwnDslIsRejectedAtTheDslrLine() {
        RuleFile dsl = RuleFile.text("sneaky.dsl", """
                [when]there is a purchase=$p : Purchase()
                [then]say goodbye=System.exit(0);
                """);
        RuleFile dslr = RuleFile.text("sneaky.dslr", HEADER + """
                expander sneaky.dsl
                rule "goodbye"
                    ruleflow-group "bonus"
                when
                    there is a purchase
                then
                    say goodbye
                end
                """);
        List<Diagnostic> diagnostics = rejected(dsl, dslr);
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("sneaky.dslr");
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.message()).contains("`System` is not allowed");
        });
    }

    @Test
    void unsafeCodeInADecisionTableIsRejectedAtItsCell() {
        RuleFile csv = RuleFile.text("sneaky.csv", """
                "RuleSet","jifen.unsafe"
                "Import","io.jifen.engine.facts.*"
                "Variables","RuleActions actions"
                ,
                "RuleTable Sneaky",
                "RULEFLOW-GROUP","CONDITION","ACTION"
                ,"Purchase","actions"
                ,"total >= $param","bonus($param, ""THRESHOLD"", ""bonus""); System.exit(0);"
                "Phase","Minimum","Bonus"
                "bonus","500","100"
                """);
        List<Diagnostic> diagnostics = rejected(csv);
        // the call is in the ACTION column's template (code row 8), not in the value of row 10
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("sneaky.csv");
            assertThat(d.cell()).isEqualTo("C8");
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).contains("`System` is not allowed");
        });
    }

    private static List<Diagnostic> rejected(RuleFile... files) {
        CompilationResult result = ENGINE.compile(RuleSet.of(files));
        assertThat(result).as("the rule set must be rejected").isInstanceOf(CompilationResult.Rejected.class);
        List<Diagnostic> diagnostics = ((CompilationResult.Rejected) result).diagnostics();
        assertThat(diagnostics).noneMatch(d -> d.message().contains("null Package"));
        return diagnostics;
    }
}
