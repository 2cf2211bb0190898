package io.jifen.cli;

import io.jifen.engine.impact.ImpactModels;

import java.nio.file.Path;
import java.util.List;

/** An impact report for the terminal: the same figures as the JSON and CSV forms, the largest changes first. */
final class ImpactText {
    private ImpactText() {
    }

    static String of(Path candidate, Path baseline, ImpactModels.Sections r) {
        StringBuilder s = new StringBuilder();
        ImpactModels.Transactions t = r.transactions();
        s.append("candidate ").append(candidate).append(" against ")
                .append(baseline == null ? "no baseline (the baseline earns nothing)" : baseline).append('\n');
        s.append("window ").append(r.from()).append(" to ").append(r.to()).append(" (").append(r.zone()).append(")\n");
        s.append(String.format("transactions: %d purchases, %d events; %d replayed, %d changed, %d failed%n",
                t.purchases(), t.events(), t.replayed(), t.changed(), t.failed()));
        s.append(String.format("points: baseline %d, candidate %d, change %s%n", r.points().baseline(),
                r.points().candidate(), signed(r.points().change())));
        ImpactModels.Members m = r.members();
        s.append(String.format("members: %d (%d gaining, %d losing, %d equal)%n", m.total(), m.gaining(), m.losing(),
                m.equal()));
        ImpactModels.Money money = r.money();
        if (money.pointValue() != null) {
            s.append("liability: baseline ").append(money.baselineLiability()).append(", candidate ")
                    .append(money.candidateLiability()).append(", change ").append(money.liabilityChange()).append(' ')
                    .append(r.currency()).append(" at ").append(money.pointValue()).append(" a point\n");
        }
        if (!r.byRule().isEmpty()) {
            s.append("by rule (largest change first):\n");
            for (ImpactModels.RuleChange c : r.byRule()) {
                s.append(String.format("  %8s  %s [%s, %s]: %d → %d points, %d → %d transactions%n", signed(c.change()),
                        c.rule(), c.phase() == null ? "-" : c.phase(), c.family(), c.baseline(), c.candidate(),
                        c.baselineTransactions(), c.candidateTransactions()));
            }
        }
        named(s, "by family", r.byFamily());
        named(s, "by tier", r.byTier());
        for (ImpactModels.BonusRuleCost b : money.bonusRules()) {
            s.append("bonus rule ").append(b.rule()).append(": ").append(b.baselineSales()).append(" → ")
                    .append(b.candidateSales()).append(" sales, ").append(signed(b.extraPoints())).append(" points")
                    .append(b.costPerExtraSale() == null ? "" : ", " + b.costPerExtraSale() + " " + r.currency()
                            + " per extra sale").append('\n');
        }
        if (!r.topChanges().isEmpty()) {
            s.append("top changes:\n");
            for (ImpactModels.ChangedTransaction c : r.topChanges()) {
                s.append(String.format("  %8s  %s %s of member %s at %s: %d → %d%n", signed(c.change()),
                        c.kind().toLowerCase(), c.transactionId(), c.memberId(), c.occurredAt(), c.baseline().points(),
                        c.candidate().points()));
            }
        }
        ImpactModels.Failures f = r.failures();
        if (f.count() > 0) {
            s.append("failures: ").append(f.count()).append(' ').append(f.byKind()).append('\n');
            for (ImpactModels.FailureGroup g : f.groups()) {
                s.append("  ").append(g.count()).append(" × ").append(g.failure()).append(" on the ")
                        .append(g.side().toLowerCase()).append(g.rule() == null ? "" : " in rule \"" + g.rule() + "\"")
                        .append(": ").append(g.example()).append('\n');
            }
        }
        return s.toString();
    }

    private static void named(StringBuilder s, String title, List<ImpactModels.NamedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        s.append(title).append(":\n");
        for (ImpactModels.NamedChange c : changes) {
            s.append(String.format("  %8s  %s: %d → %d%n", signed(c.change()), c.name(), c.baseline(), c.candidate()));
        }
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }
}
