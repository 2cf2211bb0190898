package io.jifen.engine.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report as one CSV table (RFC 4180, UTF-8, CRLF), one row per figure, so it opens in a spreadsheet
 * and filters by {@code section}: {@code section,name,baseline,candidate,change,count,detail}. Sections,
 * in this order: summary, total, rule, family, tier, day, members, histogram, money, bonus-rule, top,
 * failure-group, failure. Text a spreadsheet would run as a formula (a cell beginning with =, +, -, @,
 * tab or carriage return: rule names and reasons are written by merchants) is prefixed with a single
 * quote; numbers are written as numbers.
 */
public final class ImpactCsv {
    public static final String HEADER = "section,name,baseline,candidate,change,count,detail";

    private ImpactCsv() {
    }

    /**
     * The report as CSV. {@code candidateName} and {@code candidate}: the first summary row, naming what was
     * tried ("candidate version", 4 in the service; "candidate", a folder on the command line);
     * {@code baseline}: the second row's detail, what it was compared with.
     */
    public static String write(String candidateName, Object candidate, String baseline, ImpactModels.Sections r) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        ImpactModels.Transactions t = r.transactions();
        row(out, "summary", candidateName, null, candidate, null, null, null);
        row(out, "summary", "baseline", null, null, null, null, baseline);
        row(out, "summary", "window", null, null, null, null, r.from() + " to " + r.to() + " (" + r.zone() + ")");
        row(out, "summary", "purchases", null, null, null, t.purchases(), null);
        row(out, "summary", "events", null, null, null, t.events(), null);
        row(out, "summary", "replayed", null, null, null, t.replayed(), null);
        row(out, "summary", "changed", null, null, null, t.changed(), null);
        row(out, "summary", "failed", null, null, null, t.failed(), null);
        row(out, "summary", "not replayable", null, null, null, t.notReplayable(), null);
        row(out, "summary", "refunds (not replayed)", null, null, t.refundedPointsAsPosted(), t.refunds(), null);
        row(out, "total", "points", r.points().baseline(), r.points().candidate(), r.points().change(), t.replayed(), null);
        for (ImpactModels.RuleChange c : r.byRule()) {
            row(out, "rule", c.rule(), c.baseline(), c.candidate(), c.change(), null,
                    "phase " + (c.phase() == null ? "-" : c.phase()) + ", family " + c.family() + ", transactions "
                            + c.baselineTransactions() + " -> " + c.candidateTransactions());
        }
        named(out, "family", r.byFamily());
        named(out, "tier", r.byTier());
        for (ImpactModels.DayChange d : r.byDay()) {
            row(out, "day", d.day().toString(), d.baseline(), d.candidate(), d.change(), d.transactions(), null);
        }
        ImpactModels.Members m = r.members();
        row(out, "members", "total", null, null, null, m.total(), null);
        row(out, "members", "gaining", null, null, null, m.gaining(), null);
        row(out, "members", "losing", null, null, null, m.losing(), null);
        row(out, "members", "equal", null, null, null, m.equal(), null);
        for (ImpactModels.Bucket b : m.histogram()) {
            row(out, "histogram", b.from() == null ? "up to " + b.to() : b.to() == null ? b.from() + " or more"
                    : "from " + b.from() + " to " + b.to(), null, null, null, b.members(), "members whose change is in this range");
        }
        ImpactModels.Money money = r.money();
        row(out, "money", "point value", null, null, null, null, money.pointValue() == null ? "not set"
                : money.pointValue() + " " + r.currency());
        row(out, "money", "liability", decimal(money.baselineLiability()), decimal(money.candidateLiability()),
                decimal(money.liabilityChange()), null, r.currency());
        for (ImpactModels.BonusRuleCost b : money.bonusRules()) {
            row(out, "bonus-rule", b.rule(), b.baselineSales(), b.candidateSales(), b.extraSales(), b.extraPoints(),
                    "extra cost " + b.extraCost() + ", cost per extra sale " + b.costPerExtraSale()
                            + ", newly qualifying spend " + b.newlyQualifyingSpend());
        }
        for (ImpactModels.ChangedTransaction c : r.topChanges()) {
            row(out, "top", c.transactionId(), c.baseline().points(), c.candidate().points(), c.change(), null,
                    c.kind() + " of member " + c.memberId() + " at " + c.occurredAt() + (c.amount() == null ? ""
                            : ", amount " + c.amount()) + ", tier " + c.tier() + "; baseline: "
                            + awards(c.baseline().awards()) + "; candidate: " + awards(c.candidate().awards()));
        }
        for (ImpactModels.FailureGroup g : r.failures().groups()) {
            row(out, "failure-group", g.failure() + " on the " + g.side().toLowerCase(), null, null, null, g.count(),
                    (g.rule() == null ? "" : "rule " + g.rule() + ": ") + g.example());
        }
        for (ImpactModels.Failure f : r.failures().listed()) {
            row(out, "failure", f.transactionId(), null, null, null, null, f.failure() + " on the "
                    + f.side().toLowerCase() + " (" + f.kind() + " of member " + f.memberId() + " at " + f.occurredAt()
                    + ")" + (f.rule() == null ? "" : ", rule " + f.rule()) + ": " + f.reason());
        }
        return out.toString();
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static String awards(List<ImpactModels.AwardView> awards) {
        return awards.isEmpty() ? "nothing" : awards.stream().map(a -> a.rule() + " " + a.points() + " (" + a.reason() + ")")
                .collect(Collectors.joining(" | "));
    }

    private static void named(StringBuilder out, String section, List<ImpactModels.NamedChange> changes) {
        for (ImpactModels.NamedChange c : changes) {
            row(out, section, c.name(), c.baseline(), c.candidate(), c.change(), null, null);
        }
    }

    private static void row(StringBuilder out, String section, String name, Object baseline, Object candidate,
                            Object change, Object count, String detail) {
        out.append(section).append(',').append(text(name)).append(',').append(value(baseline)).append(',')
                .append(value(candidate)).append(',').append(value(change)).append(',').append(value(count)).append(',')
                .append(text(detail)).append("\r\n");
    }

    private static String value(Object v) {
        return v == null ? "" : v instanceof Number ? v.toString() : text(v.toString());
    }

    /** A text cell: quoted when it must be, and never something a spreadsheet would evaluate. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char first = s.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
