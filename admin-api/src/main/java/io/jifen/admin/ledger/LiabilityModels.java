package io.jifen.admin.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The points liability report as the API answers it (docs/ledger.md, "Points liability"). */
public final class LiabilityModels {
    private LiabilityModels() {
    }

    /**
     * {@code asOf}: the instant the report was read at; days, {@code from} and {@code to} are merchant-local
     * ({@code zone}). Money is a decimal string in {@code currency}, null when the merchant has set no
     * {@code pointValue}.
     */
    public record Report(String merchant, String zone, String currency, String pointValue, Instant asOf,
                         LocalDate from, LocalDate to, Outstanding outstanding, List<ExpiringMonth> expiring,
                         List<Accounting> days, Accounting totals, Breakage breakage) {
    }

    /** Points on members' accounts now: available (the balances, debts netted) and pending, and their value. */
    public record Outstanding(long available, long pending, long total, String availableValue, String pendingValue,
                              String totalValue) {
    }

    /** What remains of the lots whose last valid day is in {@code month} (yyyy-MM); the first month also holds overdue lots. */
    public record ExpiringMonth(String month, long points, String value) {
    }

    /**
     * One merchant-local day of the ledger (or, in {@code totals}, the whole window: {@code day} absent).
     * Points over both buckets: closing − opening = earned + reversed + redeemed + restored + expired +
     * adjusted + transferredIn + transferredOut. {@code released}: points moved from pending to available
     * (its two entries cancel out in the total). {@code openingPending}/{@code closingPending}: the pending
     * part of opening and closing.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accounting(LocalDate day, long opening, long earned, long reversed, long redeemed, long restored,
                             long expired, long adjusted, long transferredIn, long transferredOut, long closing,
                             long released, long openingPending, long closingPending) {
    }

    /** {@code asOf}: when the figures were computed (null: not yet); only earning months whose every lot has expired. */
    public record Breakage(Instant asOf, List<BreakageMonth> months) {
    }

    /** {@code share} = expired / points, four decimals, half-even. */
    public record BreakageMonth(String month, long points, long expired, String share) {
    }
}
