package io.jifen.admin.ruleset;

import io.jifen.engine.compile.RuleChanges;
import io.jifen.engine.compile.RuleText;

import java.util.List;

/** Two versions' rules compared ({@link RuleChanges}, the engine's one definition of a changed rule), as the API shows them. */
final class RuleDiff {
    private RuleDiff() {
    }

    static RuleVersionModels.RuleDiffView between(int from, Integer to, List<RuleText> before, List<RuleText> after) {
        RuleChanges changes = RuleChanges.between(before, after);
        return new RuleVersionModels.RuleDiffView(from, to, changes.added().stream().map(RuleDiff::view).toList(),
                changes.removed().stream().map(RuleDiff::view).toList(), changes.changed().stream()
                        .map(c -> new RuleVersionModels.ChangedRule(c.name(), view(c.before()), view(c.after()),
                                TextDiff.unified("a/" + c.name(), "b/" + c.name(), c.before().drl(), c.after().drl())))
                        .toList(), changes.unchanged());
    }

    private static RuleVersionModels.RuleInVersion view(RuleText r) {
        return new RuleVersionModels.RuleInVersion(r.definition().name(),
                r.definition().phase() == null ? null : r.definition().phase().agendaGroup(), r.definition().file(),
                r.definition().line() > 0 ? r.definition().line() : null, r.drl(), r.authored());
    }
}
