package io.jifen.engine.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.ProgramPolicy;

import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What can be known about a suite without a program: whether every scenario can run at all and
 * states what must hold. The runner would report such a scenario as failing ("could not run", "states
 * no expectation"); a suite stored to gate releases must not fail for a reason no rule change can
 * fix, so it is checked when it is stored.
 */
final class SuiteCheck {
    private SuiteCheck() {
    }

    private static final String KINDS = "purchase, event, tier, quote";

    static List<InvalidSuiteException.Finding> problems(Suite suite, Function<String, JsonLocation> locate) {
        List<InvalidSuiteException.Finding> found = new ArrayList<>();
        Checker check = new Checker(found, locate);
        ZoneId zone = ZoneId.of("UTC");
        if (suite.zone() != null) {
            try {
                zone = ZoneId.of(suite.zone());
            } catch (DateTimeException e) {
                check.add("zone", "`" + suite.zone() + "` is not a time zone such as Asia/Shanghai");
            }
        }
        if (suite.policy() != null) {
            String rounding = suite.policy().rounding();
            if (rounding != null && (!isConstant(RoundingMode.class, rounding) || "UNNECESSARY".equals(rounding))) {
                check.add("policy.rounding", "`" + rounding + "` is not one of UP, DOWN, CEILING, FLOOR, HALF_UP, "
                        + "HALF_DOWN, HALF_EVEN");
            }
            String stacking = suite.policy().stacking();
            if (stacking != null && !isConstant(ProgramPolicy.MultiplierStacking.class, stacking)) {
                check.add("policy.stacking", "`" + stacking + "` is not one of ADDITIVE, COMPOUND");
            }
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < suite.scenarios().size(); i++) {
            Suite.Scenario scenario = suite.scenarios().get(i);
            String at = "scenarios[" + i + "]";
            if (scenario == null) {
                check.add(at, "a scenario is a mapping with name, given, when and then");
                continue;
            }
            if (scenario.name() == null || scenario.name().isBlank()) {
                check.add(at, "every scenario needs a `name`");
            } else {
                Integer first = names.putIfAbsent(scenario.name(), i);
                if (first != null) {
                    check.add(at + ".name", "`" + scenario.name() + "` is also the name of scenarios[" + first
                            + "]; names must be unique within a suite");
                }
            }
            checkWhen(check, at, scenario.when(), zone);
            if (scenario.then() == null) {
                check.add(at, "needs `then`: what must hold (`then: {}` only checks that it produces a result)");
            }
            if (scenario.then() != null && scenario.then().failed() != null
                    && !isConstant(Evaluation.FailureKind.class, scenario.then().failed())) {
                check.add(at + ".then.failed", "`" + scenario.then().failed() + "` is not one of "
                        + Arrays.stream(Evaluation.FailureKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
            try {
                ScenarioFacts.member(scenario.given());
                ScenarioFacts.activity(scenario.given());
            } catch (RuntimeException e) {
                check.add(at + ".given", "the member or activity cannot be used: " + e.getMessage());
            }
        }
        return found;
    }

    private static void checkWhen(Checker check, String scenario, Suite.When when, ZoneId zone) {
        if (when == null) {
            check.add(scenario, "needs `when` with one of " + KINDS);
            return;
        }
        List<String> kinds = new ArrayList<>();
        if (when.purchase() != null) {
            kinds.add("purchase");
        }
        if (when.event() != null) {
            kinds.add("event");
        }
        if (when.tier() != null) {
            kinds.add("tier");
        }
        if (when.quote() != null) {
            kinds.add("quote");
        }
        String path = scenario + ".when";
        if (kinds.size() != 1) {
            check.add(path, kinds.isEmpty() ? "needs one of " + KINDS
                    : "holds " + String.join(" and ", kinds) + "; a scenario has exactly one of " + KINDS);
            return;
        }
        String kind = kinds.get(0);
        String at = switch (kind) {
            case "purchase" -> when.purchase().at();
            case "event" -> when.event().at();
            case "tier" -> when.tier().at();
            default -> when.quote().at();
        };
        if (at == null) {
            check.add(path + "." + kind, "needs `at`: a merchant-local time such as 2026-03-10T12:00 or an instant "
                    + "such as 2026-03-10T04:00:00Z");
        } else {
            try {
                ScenarioFacts.instant(at, zone);
            } catch (DateTimeException e) {
                check.add(path + "." + kind + ".at", "`" + at + "` is not a merchant-local time such as "
                        + "2026-03-10T12:00 or an instant such as 2026-03-10T04:00:00Z");
            }
        }
        if ("event".equals(kind) && (when.event().type() == null || when.event().type().isBlank())) {
            check.add(path + ".event", "an event needs a `type` (REGISTER, SHARE, … or the merchant's own)");
        }
        if ("quote".equals(kind) && when.quote().item() == null) {
            check.add(path + ".quote", "a quote needs an `item`");
        }
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(name));
    }

    private record Checker(List<InvalidSuiteException.Finding> found, Function<String, JsonLocation> locate) {
        void add(String path, String message) {
            JsonLocation at = locate.apply(path);
            found.add(new InvalidSuiteException.Finding(at == null || at.getLineNr() < 1 ? null : at.getLineNr(),
                    at == null || at.getColumnNr() < 1 ? null : at.getColumnNr(), path, message));
        }
    }
}
