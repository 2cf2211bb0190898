package io.jifen.admin.ruleset;

import io.jifen.engine.compile.RuleText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two versions' rules compared by name (names are unique within a rule set, the compiler refuses
 * duplicates); a pure function. A rule is changed when its text as compiled or its phase differs:
 * the compiled text, not the file, so a changed vocabulary mapping shows up in every DSLR rule using
 * it, a decision-table row in the DRL generated for it, and a rule moved to another file or line
 * unchanged is not reported.
 */
final class RuleDiff {
    private RuleDiff() {
    }

    static RuleVersionModels.RuleDiffView between(int from, Integer to, List<RuleText> before, List<RuleText> after) {
        Map<String, RuleText> a = byName(before);
        Map<String, RuleText> b = byName(after);
        List<RuleVersionModels.RuleInVersion> added = new ArrayList<>();
        List<RuleVersionModels.RuleInVersion> removed = new ArrayList<>();
        List<RuleVersionModels.ChangedRule> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (RuleText r : before) {
            if (!b.containsKey(r.definition().name())) {
                removed.add(view(r));
            }
        }
        for (RuleText r : after) {
            String name = r.definition().name();
            RuleText old = a.get(name);
            if (old == null) {
                added.add(view(r));
            } else if (old.drl().equals(r.drl()) && Objects.equals(old.definition().phase(), r.definition().phase())) {
                unchanged.add(name);
            } else {
                changed.add(new RuleVersionModels.ChangedRule(name, view(old), view(r),
                        TextDiff.unified("a/" + name, "b/" + name, old.drl(), r.drl())));
            }
        }
        return new RuleVersionModels.RuleDiffView(from, to, added, removed, changed, unchanged);
    }

    private static RuleVersionModels.RuleInVersion view(RuleText r) {
        return new RuleVersionModels.RuleInVersion(r.definition().name(),
                r.definition().phase() == null ? null : r.definition().phase().agendaGroup(), r.definition().file(),
                r.definition().line() > 0 ? r.definition().line() : null, r.drl(), r.authored());
    }

    private static Map<String, RuleText> byName(List<RuleText> rules) {
        Map<String, RuleText> map = new LinkedHashMap<>();
        rules.forEach(r -> map.put(r.definition().name(), r));
        return map;
    }
}
