package io.jifen.admin.ledger;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerDays;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The liability report's identities, as a property over random mixed workloads on the real database:
 * purchases (some a year old, so their points expire; some held pending), full refunds, adjustments up
 * and down, debits and their cancellations, transfers, the expiry and release jobs, and the rollup, over
 * one to four days ending today, with or without negative balances. For every day of the report,
 * closing − opening is the sum of its movement columns and the next day opens where it closed; every
 * column equals the ledger's own sums for that day and kind; the last closing is the members' balances
 * plus pending points; the report reads the same before and after a full rollup.
 *
 * <p>The workloads are generated from a seed ({@code -Djifen.liability.seed=} replays one) and a failing one is
 * shrunk greedily, a day or an action at a time: a failure names its seed, the workload and the smallest
 * failing one found. (jqwik was tried; its 1.10.1 engine asks AI agents not to use it, so it is not used.)
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class LiabilityReconcilesWithTheLedgerTest {
    static final int TRIES = 20;
    static final int SHRINK_RUNS = 12;
    static final int MEMBERS = 3;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Answers an operation may end with: done, replayed, or refused for a business reason (no points, frozen...). */
    static final Set<Integer> EXPECTED = Set.of(200, 201, 409, 422);

    @Inject
    LiabilityRollup rollup;

    @Inject
    LotJobs jobs;

    sealed interface Action {
    }

    /** {@code daysBack}: how long before the day it happened (about a year: its points expire soon or have). */
    record Purchase(int member, int daysBack, int amount) implements Action {
    }

    record Refund(int purchase) implements Action {
    }

    record Adjust(int member, int points) implements Action {
    }

    record Debit(int member, int points) implements Action {
    }

    record CancelDebit(int debit) implements Action {
    }

    record Transfer(int from, int to, int points) implements Action {
    }

    record Expire() implements Action {
    }

    record Release() implements Action {
    }

    /** On an earlier day it runs at the day's end, once the day's entries carry their day. */
    record RollUp() implements Action {
    }

    record Workload(boolean allowNegative, int pendingDays, List<List<Action>> days) {
    }

    /** A random workload: up to 4 days of up to 9 actions, purchases most often. */
    static Workload workload(Random r) {
        List<List<Action>> days = new ArrayList<>();
        for (int d = 0, n = 1 + r.nextInt(4); d < n; d++) {
            List<Action> day = new ArrayList<>();
            for (int a = 0, m = r.nextInt(10); a < m; a++) {
                day.add(action(r));
            }
            days.add(day);
        }
        return new Workload(r.nextBoolean(), r.nextBoolean() ? 0 : 2, days);
    }

    private static final int[] DAYS_BACK = {0, 0, 1, 3, 360, 364, 366, 370};

    /** One action, by weight: purchase 6, debit 3, refund, adjustment and transfer 2, the rest 1. */
    static Action action(Random r) {
        int pick = r.nextInt(19);
        if (pick < 6) {
            return new Purchase(r.nextInt(MEMBERS), DAYS_BACK[r.nextInt(DAYS_BACK.length)], 1 + r.nextInt(600));
        }
        if (pick < 8) {
            return new Refund(r.nextInt(21));
        }
        if (pick < 10) {
            int points = -300 + r.nextInt(800);
            return new Adjust(r.nextInt(MEMBERS), points == 0 ? 1 : points);
        }
        if (pick < 13) {
            return new Debit(r.nextInt(MEMBERS), 1 + r.nextInt(400));
        }
        if (pick < 14) {
            return new CancelDebit(r.nextInt(21));
        }
        if (pick < 16) {
            return new Transfer(r.nextInt(MEMBERS), r.nextInt(MEMBERS), 1 + r.nextInt(400));
        }
        return switch (pick) {
            case 16 -> new Expire();
            case 17 -> new Release();
            default -> new RollUp();
        };
    }

    @Test
    void everyDayClosesWhereTheNextOpensMovesByItsColumnsAndTheLastClosesOnTheMembersBalances() {
        String seed = System.getProperty("jifen.liability.seed", Long.toString(System.nanoTime()));
        try {
            Random random = new Random(Long.parseLong(seed));
            for (int t = 0; t < TRIES; t++) {
                Workload tried = workload(random);
                AssertionError failure = failure(tried);
                if (failure != null) {
                    throw new AssertionError("seed " + seed + ", try " + t + ": " + failure.getMessage() + "\nworkload: "
                            + tried + "\nsmallest failing: " + shrink(tried), failure);
                }
            }
        } finally {
            // the release job is global: tests that count what it releases in the next days find none of ours
            jobs.releaseDue(Instant.now().plus(Duration.ofDays(3)));
        }
    }

    /** Greedy, within a bounded number of runs: the first workload with a day or an action less that still fails. */
    private Workload shrink(Workload failing) {
        Workload smallest = failing;
        int runs = 0;
        boolean smaller = true;
        while (smaller && runs < SHRINK_RUNS) {
            smaller = false;
            for (Workload candidate : smaller(smallest)) {
                if (runs++ >= SHRINK_RUNS) {
                    break;
                }
                if (failure(candidate) != null) {
                    smallest = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return smallest;
    }

    /** The workload with one day left out, then with one action left out, each in turn. */
    static List<Workload> smaller(Workload w) {
        List<Workload> candidates = new ArrayList<>();
        for (int d = 0; d < w.days().size() && w.days().size() > 1; d++) {
            List<List<Action>> days = new ArrayList<>(w.days());
            days.remove(d);
            candidates.add(new Workload(w.allowNegative(), w.pendingDays(), days));
        }
        for (int d = 0; d < w.days().size(); d++) {
            for (int a = 0; a < w.days().get(d).size(); a++) {
                List<List<Action>> days = new ArrayList<>(w.days());
                List<Action> day = new ArrayList<>(days.get(d));
                day.remove(a);
                days.set(d, day);
                candidates.add(new Workload(w.allowNegative(), w.pendingDays(), days));
            }
        }
        return candidates;
    }

    /** Runs the workload on a merchant of its own; the failed identity, or null when all hold. */
    private AssertionError failure(Workload w) {
        try {
            check(run(w), w.days().size());
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }

    private Api.TestMerchant run(Workload w) {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("pointValue", "0.01",
                "refundShortfall", w.allowNegative() ? "ALLOW_NEGATIVE" : "TAKE_AVAILABLE", "pendingDays", w.pendingDays(),
                "transfers", Map.of("enabled", true)));
        for (int m = 0; m < MEMBERS; m++) {
            as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/m" + m).then().statusCode(201);
        }
        LocalDate today = LocalDate.now(SHANGHAI);
        int last = w.days().size() - 1;
        List<String> purchases = new ArrayList<>();
        List<String[]> debits = new ArrayList<>();
        int n = 0;
        for (int k = 0; k <= last; k++) {
            LocalDate day = today.minusDays(last - k);
            boolean rollUpAtEnd = false;
            for (Action a : w.days().get(k)) {
                // today's operations happen now; an earlier day's at its noon (the service accepts the past)
                Instant at = k == last ? Instant.now().minusSeconds(60) : day.atTime(12, 0).atZone(SHANGHAI).toInstant();
                String id = "op-" + n++;
                if (a instanceof Purchase p) {
                    Instant when = at.minus(p.daysBack(), ChronoUnit.DAYS);
                    if (expected(as(shop.integrator()).body(LotsExpiryAndPendingPointsTest.purchase(id, "m" + p.member(),
                            when, p.amount() + ".00")).post("/merchants/" + shop.code() + "/purchases")) == 201) {
                        purchases.add(id);
                    }
                } else if (a instanceof Refund r && !purchases.isEmpty()) {
                    expected(as(shop.integrator()).body(Map.of("refundId", id, "purchaseId",
                            purchases.get(r.purchase() % purchases.size()))).post("/merchants/" + shop.code() + "/refunds"));
                } else if (a instanceof Adjust j) {
                    expected(as(shop.integrator()).body(Map.of("adjustmentId", id, "points", j.points(), "reason",
                            "correction")).post("/merchants/" + shop.code() + "/members/m" + j.member() + "/adjustments"));
                } else if (a instanceof Debit d) {
                    if (expected(as(shop.integrator()).body(Map.of("debitId", id, "points", d.points(), "reason", "voucher"))
                            .post("/merchants/" + shop.code() + "/members/m" + d.member() + "/debits")) == 201) {
                        debits.add(new String[] {"m" + d.member(), id});
                    }
                } else if (a instanceof CancelDebit c && !debits.isEmpty()) {
                    String[] debit = debits.get(c.debit() % debits.size());
                    expected(as(shop.integrator()).body(Map.of("cancellationId", id, "reason", "returned"))
                            .post("/merchants/" + shop.code() + "/members/" + debit[0] + "/debits/" + debit[1] + "/cancellation"));
                } else if (a instanceof Transfer t) {
                    expected(as(shop.integrator()).body(Map.of("transferId", id, "fromMemberId", "m" + t.from(),
                            "toMemberId", "m" + t.to(), "points", t.points())).post("/merchants/" + shop.code() + "/transfers"));
                } else if (a instanceof Expire) {
                    jobs.expireDue(at);
                } else if (a instanceof Release) {
                    jobs.releaseDue(at);
                } else if (a instanceof RollUp) {
                    if (k == last) {
                        rollup.rollUp();
                    } else {
                        rollUpAtEnd = true;
                    }
                }
            }
            if (k < last) {
                LedgerDays.date(shop.code(), day);
                if (rollUpAtEnd) {
                    rollup.rollUp();
                }
            }
        }
        return shop;
    }

    private static int expected(Response answer) {
        int status = answer.statusCode();
        assertThat(EXPECTED).as("answer %s: %s", status, answer.asString()).contains(status);
        return status;
    }

    private void check(Api.TestMerchant shop, int days) {
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate from = today.minusDays(days);
        JsonPath live = report(shop, from, today);
        List<Map<String, Object>> rows = live.getList("days");
        assertThat(rows).hasSize(days + 1);
        assertThat(number(rows.get(0), "opening")).as("a new merchant opens at 0").isZero();
        Map<LocalDate, Map<String, Long>> ledger = LedgerDays.byDayAndKind(shop.code());
        long previousClosing = 0;
        for (Map<String, Object> row : rows) {
            LocalDate day = LocalDate.parse((String) row.get("day"));
            long movements = number(row, "earned") + number(row, "reversed") + number(row, "redeemed")
                    + number(row, "restored") + number(row, "expired") + number(row, "adjusted")
                    + number(row, "transferredIn") + number(row, "transferredOut");
            assertThat(number(row, "opening")).as("%s opens where the day before closed", day).isEqualTo(previousClosing);
            assertThat(number(row, "closing") - number(row, "opening")).as("%s: closing - opening", day).isEqualTo(movements);
            Map<String, Long> kinds = ledger.getOrDefault(day, Map.of());
            for (EntryKind kind : EntryKind.values()) {
                String column = switch (LiabilityColumn.of(kind)) {
                    case EARNED -> "earned";
                    case REVERSED -> "reversed";
                    case REDEEMED -> "redeemed";
                    case RESTORED -> "restored";
                    case EXPIRED -> "expired";
                    case ADJUSTED -> "adjusted";
                    case TRANSFERRED_IN -> "transferredIn";
                    case TRANSFERRED_OUT -> "transferredOut";
                    case RELEASED -> null;
                };
                long inLedger = kinds.getOrDefault(kind.name(), 0L);
                if (column == null) {
                    assertThat(inLedger).as("%s: a release's two entries cancel out", day).isZero();
                } else {
                    assertThat(number(row, column)).as("%s: %s against the ledger's %s entries", day, column, kind)
                            .isEqualTo(inLedger);
                }
            }
            previousClosing = number(row, "closing");
        }
        long[] members = LedgerDays.memberTotals(shop.code());
        Map<String, Object> lastDay = rows.get(rows.size() - 1);
        assertThat(number(lastDay, "closing")).as("the last closing against the members' balances and pending points")
                .isEqualTo(members[0] + members[1]);
        assertThat(number(lastDay, "closingPending")).as("pending points at the close").isEqualTo(members[1]);
        assertThat(live.getLong("outstanding.available")).isEqualTo(members[0]);
        assertThat(live.getLong("outstanding.pending")).isEqualTo(members[1]);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();

        rollup.rollUp();
        assertThat(report(shop, from, today).getList("days")).as("the same report from the rollup").isEqualTo(rows);
    }

    private static JsonPath report(Api.TestMerchant shop, LocalDate from, LocalDate to) {
        return as(shop.marketing()).get("/merchants/" + shop.code() + "/liability?from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
