package io.jifen.admin.ledger;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The liability report as one CSV table (RFC 4180, UTF-8, CRLF) filtered by {@code section}: {@code day}
 * rows (the daily accounting), one {@code total} row for the window, then {@code outstanding} (period:
 * available, pending, total), {@code expiring} (period: a month) and {@code breakage} (period: an earning
 * month; {@code points} earned, {@code expired}, {@code share}). A row leaves the columns it has no figure
 * for empty. Every cell is a number, a date, a month or one of those words: nothing a spreadsheet would run.
 */
final class LiabilityCsv {
    static final String HEADER = "section,period,opening,earned,reversed,redeemed,restored,expired,adjusted,"
            + "transferred_in,transferred_out,closing,released,opening_pending,closing_pending,points,value,share";
    private static final int WIDTH = HEADER.split(",").length;

    private LiabilityCsv() {
    }

    static String write(LiabilityModels.Report r) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (LiabilityModels.Accounting d : r.days()) {
            accounting(out, "day", d.day().toString(), d);
        }
        accounting(out, "total", r.from() + "/" + r.to(), r.totals());
        LiabilityModels.Outstanding o = r.outstanding();
        figure(out, "outstanding", "available", o.available(), o.availableValue());
        figure(out, "outstanding", "pending", o.pending(), o.pendingValue());
        figure(out, "outstanding", "total", o.total(), o.totalValue());
        for (LiabilityModels.ExpiringMonth m : r.expiring()) {
            figure(out, "expiring", m.month(), m.points(), m.value());
        }
        for (LiabilityModels.BreakageMonth m : r.breakage().months()) {
            Object[] cells = new Object[WIDTH];
            cells[0] = "breakage";
            cells[1] = m.month();
            cells[7] = m.expired();
            cells[15] = m.points();
            cells[17] = m.share();
            row(out, cells);
        }
        return out.toString();
    }

    private static void accounting(StringBuilder out, String section, String period, LiabilityModels.Accounting a) {
        row(out, new Object[] {section, period, a.opening(), a.earned(), a.reversed(), a.redeemed(), a.restored(),
                a.expired(), a.adjusted(), a.transferredIn(), a.transferredOut(), a.closing(), a.released(),
                a.openingPending(), a.closingPending(), null, null, null});
    }

    private static void figure(StringBuilder out, String section, String period, long points, String value) {
        Object[] cells = new Object[WIDTH];
        cells[0] = section;
        cells[1] = period;
        cells[15] = points;
        cells[16] = value;
        row(out, cells);
    }

    private static void row(StringBuilder out, Object[] cells) {
        out.append(Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).collect(Collectors.joining(",")))
                .append("\r\n");
    }
}
