package io.jifen.engine.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two rule sets' rules compared by name (names are unique within a rule set, the compiler refuses
 * duplicates); a pure function, the one definition of "changed" the service's rule diff and
 * {@code jifen diff} share. A rule is changed when its text as compiled or its phase differs: the
 * compiled text, not the file, so a changed vocabulary mapping shows up in every DSLR rule using it, a
 * decision-table row in the DRL generated for it, and a rule moved to another file or line unchanged is
 * not reported. Lists keep the order of the rule sets ({@code removed}: of {@code before}).
 */
public record RuleChanges(List<RuleText> added, List<RuleText> removed, List<Changed> changed, List<String> unchanged) {
    /** A rule in both sets whose compiled text or phase differs. */
    public record Changed(RuleText before, RuleText after) {
        public String name() {
            return after.definition().name();
        }
    }

    public static RuleChanges between(List<RuleText> before, List<RuleText> after) {
        Map<String, RuleText> a = byName(before);
        Map<String, RuleText> b = byName(after);
        List<RuleText> added = new ArrayList<>();
        List<RuleText> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (RuleText r : before) {
            if (!b.containsKey(r.definition().name())) {
                removed.add(r);
            }
        }
        for (RuleText r : after) {
            RuleText old = a.get(r.definition().name());
            if (old == null) {
                added.add(r);
            } else if (old.drl().equals(r.drl()) && Objects.equals(old.definition().phase(), r.definition().phase())) {
                unchanged.add(r.definition().name());
            } else {
                changed.add(new Changed(old, r));
            }
        }
        return new RuleChanges(List.copyOf(added), List.copyOf(removed), List.copyOf(changed), List.copyOf(unchanged));
    }

    private static Map<String, RuleText> byName(List<RuleText> rules) {
        Map<String, RuleText> map = new LinkedHashMap<>();
        rules.forEach(r -> map.put(r.definition().name(), r));
        return map;
    }
}
