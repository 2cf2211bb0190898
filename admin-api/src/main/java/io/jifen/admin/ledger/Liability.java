package io.jifen.admin.ledger;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.shared.Rows;
import io.jifen.admin.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The points liability report of a merchant (docs/ledger.md, "Points liability"): what is outstanding
 * and what it is worth, what expires in the next 12 months, a daily accounting that reconciles with the
 * ledger, and breakage. The accounting reads the daily rollup ({@link LiabilityRollup}) and, live, the
 * entries it has not reached yet, so its cost grows with days and the unrolled tail, not with the ledger.
 */
@ApplicationScoped
public class Liability {
    /** The longest window one report covers. */
    static final int MAX_DAYS = 366;
    static final int EXPIRING_MONTHS = 12;
    private static final int BUCKETS = Bucket.values().length;
    private static final int COLUMNS = EntryKind.values().length * BUCKETS;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LiabilityRollup rollup;

    public LiabilityModels.Report report(Merchant merchant, String fromText, String toText) {
        ZoneId zone = ZoneId.of(merchant.timeZone);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate to = toText == null ? today : date("to", toText);
        LocalDate from = fromText == null ? to.minusDays(29) : date("from", fromText);
        if (to.isAfter(today)) {
            throw ProblemException.invalidParameter("to", "must not be after today (" + today + " in " + zone + ")");
        }
        if (from.isAfter(to)) {
            throw ProblemException.invalidParameter("from", "must not be after `to`");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalidParameter("from", "a report covers at most " + MAX_DAYS + " days");
        }
        Money money = new Money(merchant);
        TreeMap<LocalDate, long[]> byDay = movements(merchant.id, zone);

        long[] before = new long[COLUMNS];
        byDay.headMap(from).values().forEach(sums -> add(before, sums));
        long[] window = new long[COLUMNS];
        List<LiabilityModels.Accounting> days = new ArrayList<>();
        long[] running = before.clone();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long[] sums = byDay.getOrDefault(day, new long[COLUMNS]);
            days.add(accounting(day, running, sums));
            add(running, sums);
            add(window, sums);
        }
        long[] all = new long[COLUMNS];
        byDay.values().forEach(sums -> add(all, sums));
        long available = bucket(all, Bucket.AVAILABLE);
        long pending = bucket(all, Bucket.PENDING);
        LiabilityModels.Outstanding outstanding = new LiabilityModels.Outstanding(available, pending, available + pending,
                money.of(available), money.of(pending), money.of(available + pending));
        return new LiabilityModels.Report(merchant.code, zone.getId(), merchant.currency, money.shownPointValue(), now, from,
                to, outstanding, expiring(merchant.id, zone, today, money), days, accounting(null, before, window),
                breakage(merchant.id));
    }

    private static LocalDate date(String parameter, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(parameter, "must be a date (yyyy-MM-dd)");
        }
    }

    /** The row of a day (or the window, {@code day} null) opening at {@code opening} and moved by {@code sums}. */
    private static LiabilityModels.Accounting accounting(LocalDate day, long[] opening, long[] sums) {
        long[] byColumn = new long[LiabilityColumn.values().length];
        for (EntryKind kind : EntryKind.values()) {
            LiabilityColumn column = LiabilityColumn.of(kind);
            for (Bucket bucket : Bucket.values()) {
                // RELEASE shows the points it moved into the balance; its pending side is the same points out
                if (column != LiabilityColumn.RELEASED || bucket == Bucket.AVAILABLE) {
                    byColumn[column.ordinal()] += sums[index(kind, bucket)];
                }
            }
        }
        long open = bucket(opening, Bucket.AVAILABLE) + bucket(opening, Bucket.PENDING);
        long openPending = bucket(opening, Bucket.PENDING);
        long change = bucket(sums, Bucket.AVAILABLE) + bucket(sums, Bucket.PENDING);
        return new LiabilityModels.Accounting(day, open, byColumn[LiabilityColumn.EARNED.ordinal()],
                byColumn[LiabilityColumn.REVERSED.ordinal()], byColumn[LiabilityColumn.REDEEMED.ordinal()],
                byColumn[LiabilityColumn.RESTORED.ordinal()], byColumn[LiabilityColumn.EXPIRED.ordinal()],
                byColumn[LiabilityColumn.ADJUSTED.ordinal()], byColumn[LiabilityColumn.TRANSFERRED_IN.ordinal()],
                byColumn[LiabilityColumn.TRANSFERRED_OUT.ordinal()], open + change,
                byColumn[LiabilityColumn.RELEASED.ordinal()], openPending, openPending + bucket(sums, Bucket.PENDING));
    }

    private static int index(EntryKind kind, Bucket bucket) {
        return kind.ordinal() * BUCKETS + bucket.ordinal();
    }

    /** What every kind of entry added to one bucket. */
    private static long bucket(long[] sums, Bucket bucket) {
        long total = 0;
        for (EntryKind kind : EntryKind.values()) {
            total += sums[index(kind, bucket)];
        }
        return total;
    }

    private static void add(long[] into, long[] sums) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.addExact(into[i], sums[i]);
        }
    }

    /**
     * Every entry of the merchant summed by merchant-local day, kind and bucket: the rollup up to
     * {@code rolled_through}, the entries above it live. The two reads are consistent when
     * {@code rolled_through} has not moved across them (the rollup moves it in the transaction that adds
     * its range); otherwise they are read again.
     */
    private TreeMap<LocalDate, long[]> movements(long merchantId, ZoneId zone) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long rolled = rolledThrough();
            TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
            addRows(byDay, Rows.tuples(em.createNativeQuery("select day, kind, bucket, points from liability_day"
                    + " where merchant_id = ?1", Tuple.class).setParameter(1, merchantId)));
            addRows(byDay, Rows.tuples(em.createNativeQuery("select cast(created_at at time zone ?3 as date) as day, kind,"
                            + " bucket, sum(points) as points from ledger_entry where id > ?1 and merchant_id = ?2"
                            + " group by 1, 2, 3", Tuple.class)
                    .setParameter(1, rolled).setParameter(2, merchantId).setParameter(3, zone.getId())));
            if (rolledThrough() == rolled) {
                return byDay;
            }
        }
        throw ProblemException.of(ProblemType.SERVICE_UNAVAILABLE, "the ledger's rollup kept moving; try again");
    }

    private long rolledThrough() {
        return rollup.rolledThrough();
    }

    private static void addRows(Map<LocalDate, long[]> byDay, List<Tuple> rows) {
        for (Tuple r : rows) {
            long[] sums = byDay.computeIfAbsent(Rows.date(r, "day"), d -> new long[COLUMNS]);
            int i = index(Rows.enumValue(r, "kind", EntryKind.class), Rows.enumValue(r, "bucket", Bucket.class));
            sums[i] = Math.addExact(sums[i], Rows.longValue(r, "points"));
        }
    }

    /**
     * What remains of the lots by the month of their last valid day, this month and the next 11; lots
     * past their expiry that the expiry job has not reached yet are in this month (they go at its next run).
     */
    private List<LiabilityModels.ExpiringMonth> expiring(long merchantId, ZoneId zone, LocalDate today, Money money) {
        YearMonth first = YearMonth.from(today);
        Instant end = first.plusMonths(EXPIRING_MONTHS).atDay(1).atStartOfDay(zone).toInstant();
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("select cast(date_trunc('month', (expires_at at time zone ?2)"
                        + " - interval '1 day') as date) as month, sum(remaining) as points from point_lot"
                        + " where merchant_id = ?1 and remaining > 0 and expires_at <= ?3 group by 1", Tuple.class)
                .setParameter(1, merchantId).setParameter(2, zone.getId()).setParameter(3, end));
        long[] points = new long[EXPIRING_MONTHS];
        for (Tuple r : rows) {
            long offset = Math.max(0, first.until(YearMonth.from(Rows.date(r, "month")), ChronoUnit.MONTHS));
            points[(int) Math.min(offset, EXPIRING_MONTHS - 1)] += Rows.longValue(r, "points");
        }
        List<LiabilityModels.ExpiringMonth> months = new ArrayList<>();
        for (int i = 0; i < EXPIRING_MONTHS; i++) {
            months.add(new LiabilityModels.ExpiringMonth(first.plusMonths(i).toString(), points[i], money.of(points[i])));
        }
        return months;
    }

    /** The earning months whose every lot has expired as of the last computation, with their share expired. */
    private LiabilityModels.Breakage breakage(long merchantId) {
        Object at = em.createNativeQuery("select breakage_at from liability_rollup where id = 1").getSingleResult();
        Instant asOf = at == null ? null : SqlValues.instant(at);
        List<LiabilityModels.BreakageMonth> months = new ArrayList<>();
        if (asOf != null) {
            List<Tuple> rows = Rows.tuples(em.createNativeQuery("select month, points, expired from liability_earning_month"
                    + " where merchant_id = ?1 and never_expiring = 0 and last_expiry <= ?2 and points > 0 order by month",
                    Tuple.class).setParameter(1, merchantId).setParameter(2, asOf));
            for (Tuple r : rows) {
                long points = Rows.longValue(r, "points");
                long expired = Rows.longValue(r, "expired");
                months.add(new LiabilityModels.BreakageMonth(YearMonth.from(Rows.date(r, "month")).toString(), points,
                        expired, BigDecimal.valueOf(expired).divide(BigDecimal.valueOf(points), 4, RoundingMode.HALF_EVEN)
                        .toPlainString()));
            }
        }
        return new LiabilityModels.Breakage(asOf, months);
    }

    /** Points at the merchant's point value, half-even to the currency's decimals; null without a point value. */
    private record Money(BigDecimal pointValue, int digits) {
        Money(Merchant merchant) {
            this(merchant.pointValue, Math.max(0, Currency.getInstance(merchant.currency).getDefaultFractionDigits()));
        }

        String of(long points) {
            return pointValue == null ? null : pointValue.multiply(BigDecimal.valueOf(points))
                    .setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        }

        String shownPointValue() {
            return pointValue == null ? null : pointValue.stripTrailingZeros().toPlainString();
        }
    }
}
