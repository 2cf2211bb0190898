package io.jifen.engine.compile;

import io.jifen.engine.safety.ConstraintCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accepted rules, mutated at random: whatever the source check accepts (and Drools compiles), the
 * checks of the compiled code accept too — the two allow-lists say the same thing. The mutations
 * leave out the two things only the compiled check can see, because the source does not know the
 * types involved: how big a value straight-line code can build, and whether a scale or power
 * argument is a small constant; {@code HostileRuleSetsAreRefusedTest} covers both.
 */
class SourceAndCompiledChecksAgreeTest {
    private static final int TRIES = 1000;
    private static final String HEADER = """
            package jifen.mutated;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            """;

    private static final List<String> CONDITIONS = List.of("total >= 100", "channel == \"APP\"", "lines.size() > 1",
            "total > 10, total < 500", "store == \"S1\" || channel == \"POS\"", "localDate.getDayOfMonth() == 10",
            "currency == \"CNY\"", "total.compareTo(java.math.BigDecimal.TEN) > 0", "id != null", "lines.isEmpty() == false");
    private static final List<String> CONSEQUENCES = List.of(
            "actions.bonus(100, \"THRESHOLD\", \"spent enough\");",
            "actions.pointsPerUnit(1, 10, \"base\");",
            "actions.multiplier(2, \"MEMBER_DAY\", \"member day\");",
            "java.math.BigDecimal d = $p.getTotal().multiply(java.math.BigDecimal.valueOf(2)); actions.bonus(d.longValue(), \"TASK\", \"double\");",
            "String r = \"order \" + $p.getId(); actions.bonus(5, \"TASK\", r.trim());",
            "if ($p.getTotal().signum() > 0) { actions.capTotal(2000, \"cap\"); }",
            "java.util.List<String> l = new java.util.ArrayList<>(); l.add($p.getChannel()); actions.bonus(l.size(), \"TASK\", \"list\");",
            "long days = java.time.temporal.ChronoUnit.DAYS.between($p.getLocalDate(), $p.getLocalDate().plusDays(3)); actions.bonus(days, \"TASK\", \"days\");",
            "actions.bonus(Math.max(1L, $p.getTotal().setScale(0, java.math.RoundingMode.DOWN).longValue()), \"TASK\", \"rounded\");");
    /** Fragments a mutation inserts: names allowed and not, punctuation, comment and string tricks. */
    private static final List<String> FRAGMENTS = List.of("System", ".getClass()", ".toUpperCase()", ".trim()", ".length()",
            "Math.abs(", ")", "(", "\"", "\"\"", "//", "/*", "*/", "\r", "\n", ";", "+", "+ \"x\"", ".getTotal()", "$p",
            ".hashCode()", "java.lang.Runtime", ".exec(\"id\")", "new java.util.HashMap<>()", ".size()", " == ", " != null",
            "Thread", ".sleep(1)", "getProperty", "\\u0022", "\\", "'", "{", "}", "[0]", "-> 1", "::", "drools", "modify",
            ".plusDays(1)", "java.time.LocalDate.now()", ".getLocalDate()", "String.valueOf(", "actions", ".bonus(1, \"T\", \"r\")");

    /** An accepted rule with one fragment inserted at a random place of its condition or its consequence. */
    static String mutatedRule(Random random) {
        String condition = CONDITIONS.get(random.nextInt(CONDITIONS.size()));
        String consequence = CONSEQUENCES.get(random.nextInt(CONSEQUENCES.size()));
        String fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
        boolean inCondition = random.nextBoolean();
        String target = inCondition ? condition : consequence;
        int at = random.nextInt(target.length() + 1);
        String mutated = target.substring(0, at) + fragment + target.substring(at);
        return rule(inCondition ? mutated : condition, inCondition ? consequence : mutated);
    }

    private static String rule(String condition, String consequence) {
        return HEADER + """
                rule "mutated"
                    ruleflow-group "bonus"
                when
                    $p : Purchase(%s)
                then
                    %s
                end
                """.formatted(condition, consequence);
    }

    @Test
    void whatTheSourceCheckAcceptsTheCompiledCheckAccepts() {
        // seeded: a failure names its seed, and -Djifen.mutation.seed=… replays it
        long seed = Long.getLong("jifen.mutation.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < TRIES; i++) {
            String drl = mutatedRule(random);
            RuleSetCompiler.Outcome outcome = new RuleSetCompiler().buildWithOutcome(RuleSet.of(RuleFile.text("mutated.drl", drl)));
            // a type error (a length compared with "APP") is refused only by the compiled check, which knows
            // the types; anything else it refuses would be a disagreement between the two allow-lists
            boolean allowListDisagrees = outcome.refusedByCompiledCheck()
                    && ((KieBaseBuild.Failed) outcome.build()).diagnostics().stream()
                    .anyMatch(d -> !d.message().contains(ConstraintCheck.NOT_VALID));
            assertThat(allowListDisagrees)
                    .as("seed %d, try %d: the compiled check refused what the source check accepted:%n%s%n%s", seed, i, drl,
                            outcome.build())
                    .isFalse();
        }
    }

    @Test
    void everyUnmutatedRuleIsAccepted() {
        for (String condition : CONDITIONS) {
            for (String consequence : CONSEQUENCES) {
                KieBaseBuild build = new RuleSetCompiler().build(RuleSet.of(RuleFile.text("accepted.drl",
                        rule(condition, consequence))));
                assertThat(build).as("%s", build).isInstanceOf(KieBaseBuild.Built.class);
            }
        }
    }
}
