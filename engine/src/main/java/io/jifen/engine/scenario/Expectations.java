package io.jifen.engine.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares a scenario's {@code then} with what was observed; each difference is one readable line. */
final class Expectations {
    private Expectations() {
    }

    static List<String> differences(Suite.Then then, Observed observed) {
        List<String> diffs = new ArrayList<>();
        if (then == null) {
            diffs.add("the scenario states no expectation (`then`)");
            return diffs;
        }
        boolean expectsRefusal = then.refused() != null && !then.refused().isEmpty();
        boolean expectsFailure = then.failed() != null;
        if (expectsRefusal) {
            if (!Observed.REFUSED.equals(observed.outcome())) {
                diffs.add("expected the input to be refused for " + then.refused() + ", but it was " + describe(observed));
            } else if (!new TreeSet<>(then.refused()).equals(new TreeSet<>(observed.refused()))) {
                diffs.add("refused fields: expected " + then.refused() + ", was " + observed.refused());
            }
            return diffs;
        }
        if (expectsFailure) {
            if (!then.failed().equals(observed.failure())) {
                diffs.add("expected failure " + then.failed() + ", but it was " + describe(observed));
            }
            return diffs;
        }
        if (Observed.REFUSED.equals(observed.outcome()) || Observed.FAILED.equals(observed.outcome())) {
            diffs.add("expected a result, but it was " + describe(observed));
            return diffs;
        }
        value(diffs, "totalPoints", then.totalPoints(), observed.totalPoints());
        exactMap(diffs, "awards", then.awards(), observed.awards());
        exactMap(diffs, "families", then.families(), observed.families());
        if (then.tier() != null) {
            String expected = "none".equals(then.tier()) ? null : then.tier();
            if (!Objects.equals(expected, observed.tier())) {
                diffs.add("tier: expected " + then.tier() + ", was " + Observed.show(observed.tier()));
            }
        }
        Suite.QuoteExpectation quote = then.quote();
        if (quote != null) {
            value(diffs, "quote.pointsPrice", quote.pointsPrice(), observed.pointsPrice());
            value(diffs, "quote.listPoints", quote.listPoints(), observed.listPoints());
            if (quote.cashPart() != null && (observed.cashPart() == null
                    || quote.cashPart().compareTo(observed.cashPart()) != 0)) {
                diffs.add("quote.cashPart: expected " + quote.cashPart().toPlainString() + ", was "
                        + Observed.show(observed.cashPart() == null ? null : observed.cashPart().toPlainString()));
            }
            exactMap(diffs, "quote.discounts", quote.discounts(), observed.discounts());
            exactMap(diffs, "quote.pointsBack", quote.pointsBack(), observed.pointsBack());
            if (quote.options() != null) {
                List<String> expected = quote.options().stream()
                        .map(o -> o.points() + " points + " + (o.cash() == null ? BigDecimal.ZERO : o.cash())
                                .stripTrailingZeros().toPlainString() + " cash").toList();
                if (!expected.equals(observed.options())) {
                    diffs.add("quote.options: expected " + expected + ", was " + observed.options());
                }
            }
        }
        return diffs;
    }

    private static void value(List<String> diffs, String field, Long expected, Long actual) {
        if (expected != null && !expected.equals(actual)) {
            diffs.add(field + ": expected " + expected + ", was " + Observed.show(actual));
        }
    }

    private static void exactMap(List<String> diffs, String field, Map<String, Long> expected, Map<String, Long> actual) {
        if (expected == null) {
            return;
        }
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            long e = expected.getOrDefault(key, 0L);
            long a = actual.getOrDefault(key, 0L);
            if (e != a) {
                diffs.add(field + "[" + key + "]: expected " + e + ", was " + a);
            }
        }
    }

    private static String describe(Observed observed) {
        return switch (observed.outcome()) {
            case Observed.REFUSED -> "refused: " + observed.failureMessage();
            case Observed.FAILED -> "failed (" + observed.failure() + "): " + observed.failureMessage();
            default -> observed.outcome().toLowerCase(Locale.ROOT)
                    + (observed.totalPoints() == null ? "" : " with " + observed.totalPoints() + " points");
        };
    }
}
