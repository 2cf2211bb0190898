package io.jifen.admin.ledger;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.LedgerDays;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class LiabilityReportTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    LiabilityRollup rollup;

    @Inject
    LotJobs jobs;

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    static void enrol(Api.TestMerchant shop, String member) {
        as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(201);
    }

    static void adjust(Api.TestMerchant shop, String id, String member, long points) {
        as(shop.integrator()).body(Map.of("adjustmentId", id, "points", points, "reason", "goodwill"))
                .post("/merchants/" + shop.code() + "/members/" + member + "/adjustments").then().statusCode(201);
    }

    static void debit(Api.TestMerchant shop, String id, String member, long points) {
        as(shop.integrator()).body(Map.of("debitId", id, "points", points, "reason", "voucher"))
                .post("/merchants/" + shop.code() + "/members/" + member + "/debits").then().statusCode(201);
    }

    static JsonPath report(Api.TestMerchant shop, LocalDate from, LocalDate to) {
        return as(shop.marketing()).get("/merchants/" + shop.code() + "/liability?from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A day {@code daysAgo} days back, moved off the 10th (member day doubles points) to keep figures round. */
    static LocalDate notMemberDay(int daysAgo) {
        LocalDate day = today().minusDays(daysAgo);
        return day.getDayOfMonth() == 10 ? day.minusDays(1) : day;
    }

    static long buy(Api.TestMerchant shop, String id, String member, LocalDate day, String amount) {
        Instant at = day.atTime(12, 0).atZone(SHANGHAI).toInstant();
        return ((Number) as(shop.integrator()).body(LotsExpiryAndPendingPointsTest.purchase(id, member, at, amount))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201).extract().path("totalPoints"))
                .longValue();
    }

    @Test
    void adjustmentsDebitsATransferAndACancellationAreAccountedDayByDayAndCloseOnTheMembersBalances() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("pointValue", "0.0125", "transfers", Map.of("enabled", true)));
        LocalDate first = today().minusDays(3);
        enrol(shop, "ann");
        enrol(shop, "bo");
        adjust(shop, "welcome-ann", "ann", 1000);
        adjust(shop, "welcome-bo", "bo", 500);
        LedgerDays.date(shop.code(), first);
        debit(shop, "d-1", "ann", 300);
        as(shop.integrator()).body(Map.of("transferId", "t-1", "fromMemberId", "ann", "toMemberId", "bo", "points", 200))
                .post("/merchants/" + shop.code() + "/transfers").then().statusCode(201);
        LedgerDays.date(shop.code(), first.plusDays(1));
        rollup.rollUp(); // the first two days come from the rollup (when no other writer holds it back), the rest live
        adjust(shop, "correction-bo", "bo", -50);
        as(shop.integrator()).body(Map.of("cancellationId", "c-1", "reason", "order cancelled"))
                .post("/merchants/" + shop.code() + "/members/ann/debits/d-1/cancellation").then().statusCode(201);
        LedgerDays.date(shop.code(), first.plusDays(2));
        debit(shop, "d-2", "ann", 100);

        JsonPath r = report(shop, first.minusDays(1), today());

        assertThat(r.getList("days.day")).containsExactly(first.minusDays(1).toString(), first.toString(),
                first.plusDays(1).toString(), first.plusDays(2).toString(), today().toString());
        assertThat(r.getList("days.opening", Long.class)).containsExactly(0L, 0L, 1500L, 1200L, 1450L);
        assertThat(r.getList("days.adjusted", Long.class)).containsExactly(0L, 1500L, 0L, -50L, 0L);
        assertThat(r.getList("days.redeemed", Long.class)).containsExactly(0L, 0L, -300L, 0L, -100L);
        assertThat(r.getList("days.transferredIn", Long.class)).containsExactly(0L, 0L, 200L, 0L, 0L);
        assertThat(r.getList("days.transferredOut", Long.class)).containsExactly(0L, 0L, -200L, 0L, 0L);
        assertThat(r.getList("days.restored", Long.class)).containsExactly(0L, 0L, 0L, 300L, 0L);
        assertThat(r.getList("days.closing", Long.class)).containsExactly(0L, 1500L, 1200L, 1450L, 1350L);
        assertThat(r.getLong("totals.opening")).isZero();
        assertThat(r.getLong("totals.redeemed")).isEqualTo(-400);
        assertThat(r.getLong("totals.closing")).isEqualTo(1350);
        assertThat(r.getLong("outstanding.available")).isEqualTo(1350).isEqualTo(LedgerDays.memberTotals(shop.code())[0]);
        assertThat(r.getLong("outstanding.pending")).isZero();
        // 1350 × 0.0125 = 16.875, half-even to the yuan's two decimals
        assertThat(r.getString("outstanding.totalValue")).isEqualTo("16.88");
        assertThat(r.getString("pointValue")).isEqualTo("0.0125");
        assertThat(r.getString("currency")).isEqualTo("CNY");
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void theCsvHoldsTheSameAccountingOneRowPerDay() {
        Api.TestMerchant shop = Api.newMerchant(Map.of("pointValue", "0.01"));
        enrol(shop, "cy");
        adjust(shop, "welcome", "cy", 400);
        LedgerDays.date(shop.code(), today().minusDays(1));
        debit(shop, "d-1", "cy", 150);

        String csv = as(shop.marketing()).get("/merchants/" + shop.code() + "/liability.csv?from="
                        + today().minusDays(1) + "&to=" + today())
                .then().statusCode(200).header("Content-Type", containsString("text/csv")).extract().asString();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(LiabilityCsv.HEADER);
        assertThat(lines).contains("day," + today().minusDays(1) + ",0,0,0,0,0,0,400,0,0,400,0,0,0,,,",
                "day," + today() + ",400,0,0,-150,0,0,0,0,0,250,0,0,0,,,",
                "total," + today().minusDays(1) + "/" + today() + ",0,0,0,-150,0,0,400,0,0,250,0,0,0,,,",
                "outstanding,total,,,,,,,,,,,,,,250,2.50,");
    }

    @Test
    void pointsExpiringInEachComingMonthAndTheBreakageOfAnEarningMonthWhoseLotsHaveAllExpired() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram(Map.of("pointValue", "0.01"));  // rolling 12 months
        LocalDate old = notMemberDay(362);
        LocalDate recent = notMemberDay(300);
        assertThat(buy(shop, "old", "cy", old, "80.00")).isEqualTo(80);
        assertThat(buy(shop, "recent", "dee", recent, "120.00")).isEqualTo(120);
        debit(shop, "d-1", "cy", 30);
        YearMonth thisMonth = YearMonth.from(today());
        int cyMonth = (int) thisMonth.until(YearMonth.from(old.plusMonths(12)), ChronoUnit.MONTHS);
        int deeMonth = (int) thisMonth.until(YearMonth.from(recent.plusMonths(12)), ChronoUnit.MONTHS);

        JsonPath before = report(shop, today(), today());
        assertThat(before.getList("expiring.points", Long.class)).hasSize(12);
        assertThat(before.getLong("expiring[" + cyMonth + "].points")).isEqualTo(cyMonth == deeMonth ? 170 : 50);
        assertThat(before.getLong("expiring[" + deeMonth + "].points")).isEqualTo(cyMonth == deeMonth ? 170 : 120);
        assertThat(before.getList("expiring.points", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(170);
        assertThat(before.getString("expiring[" + deeMonth + "].month")).isEqualTo(recent.plusMonths(12).toString().substring(0, 7));

        Instant cyExpiry = old.plusMonths(12).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        jobs.expireDue(cyExpiry);
        rollup.computeBreakage(cyExpiry);
        JsonPath after = report(shop, today(), today());

        assertThat(after.getLong("days[0].expired")).isEqualTo(-50);
        assertThat(after.getLong("outstanding.available")).isEqualTo(120);
        assertThat(after.getList("expiring.points", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(120);
        assertThat(after.getList("breakage.months.month")).as("the month of the recent purchase has not matured")
                .containsExactly(YearMonth.from(old).toString());
        assertThat(after.getLong("breakage.months[0].points")).isEqualTo(80);
        assertThat(after.getLong("breakage.months[0].expired")).isEqualTo(50);
        assertThat(after.getString("breakage.months[0].share")).isEqualTo("0.6250");
        assertThat(after.getString("breakage.asOf")).isEqualTo(cyExpiry.toString());
    }

    @Test
    void aWindowThatIsNotOneIsRefusedAndOnlyAdminAndMarketingKeysSeeTheReport() {
        Api.TestMerchant shop = Api.newMerchant();
        String path = "/merchants/" + shop.code() + "/liability";
        as(shop.marketing()).get(path + "?from=2026-02-30").then().statusCode(400)
                .body("type", endsWith("/invalid-parameter")).body("errors[0].field", equalTo("from"));
        as(shop.marketing()).get(path + "?from=" + today() + "&to=" + today().minusDays(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(shop.marketing()).get(path + "?to=" + today().plusDays(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        as(shop.marketing()).get(path + "?from=" + today().minusDays(366) + "&to=" + today()).then().statusCode(400)
                .body("errors[0].field", equalTo("from")).body("errors[0].message", containsString("366"));
        as(shop.marketing()).get(path + ".csv?to=tomorrow").then().statusCode(400)
                .body("type", endsWith("/invalid-parameter"));

        as(shop.marketing()).get(path + "?from=" + today().minusDays(365) + "&to=" + today()).then().statusCode(200)
                .body("days.size()", equalTo(366)).body("pointValue", equalTo(null));
        Api.asAdmin().get(path).then().statusCode(200).body("days.size()", equalTo(30));
        as(shop.integrator()).get(path).then().statusCode(403);
        as(shop.qa()).get(path + ".csv").then().statusCode(403);
        as(Api.newMerchant().marketing()).get(path).then().statusCode(404);
    }
}
