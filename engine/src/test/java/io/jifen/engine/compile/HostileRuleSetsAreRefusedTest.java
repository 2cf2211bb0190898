package io.jifen.engine.compile;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adversarial corpus: harmful payloads, each in every disguise a merchant's rule file allows,
 * must be refused at compile time with the file and the line (or cell) — and nothing may run. Then
 * the same payloads with the first line of defence switched off, to prove the checks of the compiled
 * code hold on their own.
 */
class HostileRuleSetsAreRefusedTest {
    private static final String CANARY_PROPERTY = "jifen.canary";
    private static final Path canaryFile = freshCanary();

    private static Path freshCanary() {
        try {
            return Files.createTempDirectory("jifen-corpus").resolve("canary");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A harmful payload as a Java statement, and as an expression when it has a value. */
    record Payload(String name, String statement, String expression) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** How a payload is dressed up in a rule file. */
    enum Disguise {
        PLAIN_CONSEQUENCE, ESCAPE_CLOSING_A_STRING, ESCAPES_IN_IDENTIFIERS, UUUU_ESCAPE, ESCAPED_LINE_BREAK_AFTER_COMMENT,
        CARRIAGE_RETURN_AFTER_COMMENT, ESCAPE_CLOSING_A_BLOCK_COMMENT, CONCATENATED_INTO_A_REASON, IN_A_CONDITION,
        MERCHANT_DSL_MAPPING, DSL_SENTENCE_VALUE, CSV_CODE_CELL, CSV_VALUE_CELL_WITH_ESCAPE, XLSX_CODE_CELL,
        XLSX_VALUE_CELL_WITH_ESCAPE, ESCAPES_IN_THE_RULE_NAME, RULE_METADATA, SALIENCE, ESCAPE_ASSEMBLED_BY_A_DSL
    }

    @BeforeAll
    static void canary() {
        System.clearProperty(CANARY_PROPERTY);
    }

    @AfterAll
    static void nothingRan() {
        assertThat(System.getProperty(CANARY_PROPERTY)).isNull();
        assertThat(canaryFile).doesNotExist();
    }

    /** The corpus, kept as data in {@code hostile-payloads.tsv} beside this class. */
    static List<Payload> payloads() {
        List<Payload> payloads = new ArrayList<>();
        try (InputStream in = HostileRuleSetsAreRefusedTest.class.getResourceAsStream("hostile-payloads.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] field = line.split("\t", 3);
                String code = field[2].replace("{canary}", canaryFile.toString()).replace("{canaryProperty}", CANARY_PROPERTY);
                boolean expression = field[1].equals("expression");
                payloads.add(new Payload(field[0], expression ? code + ";" : code, expression ? code : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(20);
        return payloads;
    }

    static Stream<Arguments> everyPayloadInEveryDisguise() {
        List<Arguments> cases = new ArrayList<>();
        for (Payload payload : payloads()) {
            for (Disguise disguise : Disguise.values()) {
                RuleSet ruleSet = dressed(payload, disguise);
                if (ruleSet != null) {
                    cases.add(Arguments.of(payload, disguise, ruleSet));
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(20 * 10);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyPayloadInEveryDisguise")
    void isRefusedWithFileAndLineAndNothingRuns(Payload payload, Disguise disguise, RuleSet ruleSet) {
        KieBaseBuild build = new RuleSetCompiler().build(ruleSet);

        assertThat(build).isInstanceOf(KieBaseBuild.Failed.class);
        String authored = ruleSet.files().stream().map(RuleFile::name).filter(n -> !n.endsWith(".dsl")).findFirst().orElseThrow();
        assertThat(((KieBaseBuild.Failed) build).diagnostics())
                .as("refused at a line of what the author wrote")
                .anySatisfy(d -> {
                    assertThat(d.file()).isIn(authored, "evil.dsl");
                    assertThat(d.line()).isPositive();
                });
        assertThat(System.getProperty(CANARY_PROPERTY)).isNull();
        assertThat(canaryFile).doesNotExist();
    }

    static Stream<Arguments> payloadsPastTheSourceCheck() {
        List<Arguments> cases = new ArrayList<>();
        for (Payload payload : payloads()) {
            for (Disguise disguise : List.of(Disguise.PLAIN_CONSEQUENCE, Disguise.ESCAPE_CLOSING_A_STRING,
                    Disguise.CARRIAGE_RETURN_AFTER_COMMENT, Disguise.IN_A_CONDITION, Disguise.SALIENCE, Disguise.CSV_CODE_CELL,
                    Disguise.CSV_VALUE_CELL_WITH_ESCAPE)) {
                RuleSet ruleSet = dressed(payload, disguise);
                if (ruleSet != null) {
                    cases.add(Arguments.of(payload, disguise, ruleSet));
                }
            }
        }
        return cases.stream();
    }

    /**
     * With the escape scan and the source check switched off, whatever still compiles must be refused
     * by the checks of what Drools built (bytecode for Java, the MVEL tree for conditions).
     */
    @ParameterizedTest(name = "{0} as {1}, source check off")
    @MethodSource("payloadsPastTheSourceCheck")
    void theCompiledCodeCheckRefusesItOnItsOwn(Payload payload, Disguise disguise, RuleSet ruleSet) {
        RuleSetCompiler.Outcome outcome = new RuleSetCompiler(false).buildWithOutcome(ruleSet);

        assertThat(outcome.build()).isInstanceOf(KieBaseBuild.Failed.class);
        List<Diagnostic> diagnostics = ((KieBaseBuild.Failed) outcome.build()).diagnostics();
        boolean droolsItselfRefused = !outcome.refusedByCompiledCheck();
        if (droolsItselfRefused) {
            // some disguises do not compile at all once the check is off (e.g. `drools.halt()` inside a string)
            assertThat(diagnostics).isNotEmpty();
        } else {
            assertThat(diagnostics).anySatisfy(d -> assertThat(d.line()).isPositive());
        }
        assertThat(System.getProperty(CANARY_PROPERTY)).isNull();
        assertThat(canaryFile).doesNotExist();
    }

    private static final String HEADER = """
            package jifen.hostile;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            """;

    private static String rule(String name, String condition, String consequence) {
        return HEADER + """
                rule "%s"
                    ruleflow-group "bonus"
                when
                    $p : Purchase(%s)
                then
                    %s
                end
                """.formatted(name, condition, consequence);
    }

    /** The payload dressed up; null when the disguise needs an expression and the payload has none. */
    static RuleSet dressed(Payload payload, Disguise disguise) {
        String s = payload.statement();
        return switch (disguise) {
            case PLAIN_CONSEQUENCE -> drl(rule("r", "", s));
            case ESCAPE_CLOSING_A_STRING -> drl(rule("r", "", "actions.bonus(1, \"TASK\", \"r\\u0022); " + s + " //\");"));
            case ESCAPES_IN_IDENTIFIERS -> drl(rule("r", "", escapeLetters(s)));
            case UUUU_ESCAPE -> drl(rule("r", "", "actions.bonus(1, \"TASK\", \"r\\uuuu0022); " + s + " //\");"));
            case ESCAPED_LINE_BREAK_AFTER_COMMENT -> drl(rule("r", "", "// a harmless note \\u000a " + s));
            case CARRIAGE_RETURN_AFTER_COMMENT -> drl(rule("r", "", "// a harmless note\r" + s));
            case ESCAPE_CLOSING_A_BLOCK_COMMENT -> drl(rule("r", "", "/* a note \\u002a/ " + s + " /* */"));
            case CONCATENATED_INTO_A_REASON -> payload.expression() == null ? null
                    : drl(rule("r", "", "actions.bonus(1, \"TASK\", \"reason \" + " + payload.expression() + ");"));
            case IN_A_CONDITION -> payload.expression() == null ? null
                    : drl(rule("r", "(" + payload.expression() + ") != null", "actions.bonus(1, \"TASK\", \"r\");"));
            case MERCHANT_DSL_MAPPING -> RuleSet.of(
                    RuleFile.text("evil.dsl", "[when]There is a purchase=$p : Purchase()\n[then]Give the bonus=" + s + "\n"),
                    RuleFile.text("program.dslr", HEADER + "expander evil.dsl\n"
                            + "rule \"r\"\n    ruleflow-group \"bonus\"\nwhen\n    There is a purchase\nthen\n    Give the bonus\nend\n"));
            case DSL_SENTENCE_VALUE -> RuleSet.of(RuleFile.text("program.dslr", HEADER + "expander loyalty.dsl\n"
                    + "rule \"r\"\n    in phase bonus\nwhen\n    There is a purchase\nthen\n"
                    + "    Give 1 bonus points as a TASK bonus, because r\"); " + s + " //\nend\n"));
            case CSV_CODE_CELL -> RuleSet.of(new RuleFile("table.csv", csv(CODE + " " + s, "r")));
            case CSV_VALUE_CELL_WITH_ESCAPE -> RuleSet.of(new RuleFile("table.csv", csv(CODE, "r\\u0022); " + s + " //")));
            case XLSX_CODE_CELL -> RuleSet.of(new RuleFile("table.xlsx", xlsx(CODE + " " + s, "r")));
            case XLSX_VALUE_CELL_WITH_ESCAPE -> RuleSet.of(new RuleFile("table.xlsx", xlsx(CODE, "r\\u0022); " + s + " //")));
            case RULE_METADATA -> payload.expression() == null ? null
                    : drl(rule("r\" @meta(" + payload.expression() + ") @x(\"", "", "actions.bonus(1, \"TASK\", \"r\");"));
            case SALIENCE -> payload.expression() == null ? null
                    : drl(rule("r\" salience (" + payload.expression() + ".hashCode()) @x(\"", "", "actions.bonus(1, \"TASK\", \"r\");"));
            case ESCAPE_ASSEMBLED_BY_A_DSL -> RuleSet.of(
                    RuleFile.text("evil.dsl", "[when]There is a purchase=$p : Purchase()\n"
                            + "[then]Say {x}=actions.bonus(1, \"TASK\", \"{x}u0022); " + s + " //\");\n"),
                    RuleFile.text("program.dslr", HEADER + "expander evil.dsl\n"
                            + "rule \"r\"\n    ruleflow-group \"bonus\"\nwhen\n    There is a purchase\nthen\n    Say \\\nend\n"));
            case ESCAPES_IN_THE_RULE_NAME -> drl(rule("r\\u0022 " + s.replace("\"", "'"), "", "actions.bonus(1, \"TASK\", \"r\");"));
        };
    }

    private static RuleSet drl(String text) {
        return RuleSet.of(RuleFile.text("hostile.drl", text));
    }

    /** Every letter as a Unicode escape: {@code System} becomes {@code \u0053\u0079…}. */
    private static String escapeLetters(String code) {
        StringBuilder out = new StringBuilder();
        for (char c : code.toCharArray()) {
            out.append(Character.isLetter(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static final String[][] TABLE = {
            {"RuleSet", "jifen.hostile"},
            {"Import", "io.jifen.engine.facts.*"},
            {"Variables", "RuleActions actions"},
            {"", ""},
            {"RuleTable Hostile", ""},
            {"NAME", "RULEFLOW-GROUP", "CONDITION", "ACTION"},
            {"", "", "$p : Purchase", ""},
            {"", "", "total > $param", null},
            {"Rule", "Phase", "Minimum", "Reason"},
            {"evil", "bonus", "0", null}};
    /** The action's code cell: the merchant writes it too. */
    private static final String CODE = "actions.bonus(1, \"TASK\", \"$param\");";

    private static byte[] csv(String code, String value) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < TABLE.length; r++) {
            List<String> cells = new ArrayList<>();
            for (String cellValue : TABLE[r]) {
                String v = cellValue != null ? cellValue : r == 7 ? code : value;
                cells.add("\"" + v.replace("\"", "\"\"") + "\"");
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(String code, String value) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Hostile");
            for (int r = 0; r < TABLE.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < TABLE[r].length; c++) {
                    row.createCell(c).setCellValue(TABLE[r][c] != null ? TABLE[r][c] : r == 7 ? code : value);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
