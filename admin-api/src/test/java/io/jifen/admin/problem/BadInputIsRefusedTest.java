package io.jifen.admin.problem;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.Database;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.jifen.admin.support.Api.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * Input the service cannot hold is refused with 4xx problem+json naming the field as the API names
 * it, and leaves no row behind. Each case here answered 500, 404, 415 or a silently changed value
 * before (issue 11, part 6).
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class BadInputIsRefusedTest {
    private static final String DIGITS_400 = "9".repeat(400);

    private static Map<String, Object> purchase(String id, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("transactionId", id, "memberId", "lin",
                "occurredAt", "2026-03-05T04:00:00Z", "total", "10.00"));
        body.putAll(changes);
        return body;
    }

    /** A JSON body with a number written as it is (Rest Assured would quote or round a Java value). */
    private static String purchaseWithTotal(String id, String total) {
        return "{\"transactionId\":\"" + id + "\",\"memberId\":\"lin\",\"occurredAt\":\"2026-03-05T04:00:00Z\",\"total\":"
                + total + "}";
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String field) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    @Test
    void moneyBeyondWhatTheColumnHoldsIsRefusedNamingTheField() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        Map<String, Long> before = rowsOf(shop);
        String purchases = "/merchants/" + shop.code() + "/purchases";
        for (String total : List.of("1e30", "1e400", DIGITS_400, "1000000000000000", "10.00001", "-1e30")) {
            refused(as(shop.integrator()).body(purchaseWithTotal("p-" + total.length(), total)).post(purchases).then(), 422, "total")
                    .body("type", endsWith("/invalid-request"))
                    .body("errors[0].message", containsString("at most 4 decimal places"));
        }
        refused(as(shop.integrator()).body(purchase("p-line", Map.of("lines", List.of(
                Map.of("sku", "RICE", "quantity", 1, "unitPrice", "1e30"))))).post(purchases).then(), 422, "lines[0].unitPrice");
        refused(as(shop.integrator()).body("{\"transactionId\":\"p-null\",\"memberId\":\"lin\",\"occurredAt\":\"2026-03-05T04:00:00Z\","
                + "\"total\":10,\"lines\":[null]}").post(purchases).then(), 422, "lines[0]")
                .body("errors[0].message", equalTo("must not be null"));
        // the largest amount the column holds is accepted
        // the largest amount in yuan (2 decimals, the currency's) that the column holds is accepted
        as(shop.integrator()).body(purchaseWithTotal("p-max", "999999999999999.99")).post(purchases).then().statusCode(201);
        assertThat(rowsOf(shop).get("loyalty_transaction")).isEqualTo(before.get("loyalty_transaction") + 1);

        Map<String, Long> afterMax = rowsOf(shop);
        refused(as(shop.integrator()).body(Map.of("refundId", "r-1", "purchaseId", "p-max", "amount", "1e30"))
                .post("/merchants/" + shop.code() + "/refunds").then(), 422, "amount");
        refused(as(shop.integrator()).body("{\"refundId\":\"r-2\",\"purchaseId\":\"p-max\",\"lines\":[null]}")
                .post("/merchants/" + shop.code() + "/refunds").then(), 422, "lines[0]");
        refused(Mall.item(shop, Map.of("cashPrice", "1e30")), 422, "cashPrice");
        refused(Mall.item(shop, Map.of("basePoints", 10_000_000_000_000L)), 422, "basePoints");
        assertThat(rowsOf(shop)).isEqualTo(afterMax);
    }

    @Test
    void timesOutsideTheAcceptedRangeAreRefusedNamingTheField() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        Map<String, Long> before = rowsOf(shop);
        for (String at : List.of("-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z")) {
            refused(as(shop.integrator()).body(purchase("p-" + at.hashCode(), Map.of("occurredAt", at)))
                    .post("/merchants/" + shop.code() + "/purchases").then(), 422, "occurredAt")
                    .body("errors[0].message", equalTo("must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
            refused(as(shop.integrator()).body(Map.of("transactionId", "e-" + at.hashCode(), "memberId", "lin",
                            "type", "SHARE", "occurredAt", at))
                    .post("/merchants/" + shop.code() + "/events").then(), 422, "occurredAt");
        }
        refused(Mall.item(shop, Map.of("availableFrom", "0001-01-01T00:00:00Z")), 422, "availableFrom");
        refused(as(shop.marketing()).body(Map.of("at", "+10000-01-01T00:00:00Z"))
                .post("/merchants/" + shop.code() + "/rule-versions/1/activation").then(), 422, "at");
        refused(as(shop.integrator()).body(Map.of("birthday", "0001-01-01"))
                .put("/merchants/" + shop.code() + "/members/lin").then(), 422, "birthday");
        assertThat(rowsOf(shop)).isEqualTo(before);
        // the first instant of the range is a time like any other
        as(shop.integrator()).body(purchase("p-epoch", Map.of("occurredAt", "1970-01-01T00:00:00Z")))
                .post("/merchants/" + shop.code() + "/purchases").then().statusCode(201)
                .body("occurredAt", equalTo("1970-01-01T00:00:00Z"));
    }

    @Test
    void pointsAreWholeNumbersEverywhereTheyAreTaken() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/lin").then().statusCode(201);
        as(shop.integrator()).body(Map.of("adjustmentId", "seed", "points", 100, "reason", "seed"))
                .post("/merchants/" + shop.code() + "/members/lin/adjustments").then().statusCode(201);
        Map<String, Long> before = rowsOf(shop);
        String member = "/merchants/" + shop.code() + "/members/lin";
        for (String points : List.of("1.5", "1.0", "1e2", "99999999999999999999")) {
            refused(as(shop.integrator()).body("{\"adjustmentId\":\"a-" + points.length() + "\",\"points\":" + points
                    + ",\"reason\":\"goodwill\"}").post(member + "/adjustments").then(), 400, "points")
                    .body("type", endsWith("/malformed-request"))
                    .body("errors[0].message", containsString("whole number"));
        }
        refused(as(shop.integrator()).body("{\"debitId\":\"d-1\",\"points\":2.5,\"reason\":\"x\"}")
                .post(member + "/debits").then(), 400, "points");
        refused(as(shop.integrator()).body("{\"transferId\":\"t-1\",\"fromMemberId\":\"lin\",\"toMemberId\":\"bo\","
                + "\"points\":0.5}").post("/merchants/" + shop.code() + "/transfers").then(), 400, "points");
        refused(Mall.item(shop, Map.of("basePoints", 12.5)), 400, "basePoints");
        assertThat(rowsOf(shop)).isEqualTo(before);
        as(shop.qa()).get(member).then().statusCode(200).body("balance", equalTo(100));
    }

    @Test
    void parametersThatAreNotNumbersOrOutOfRangeAre400NamingTheParameter() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        String base = "/merchants/" + shop.code();
        as(shop.integrator()).body(Map.of()).put(base + "/members/lin").then().statusCode(201);
        as(shop.integrator()).body(Map.of("adjustmentId", "seed", "points", 1, "reason", "seed"))
                .post(base + "/members/lin/adjustments").then().statusCode(201);
        refused(as(shop.qa()).get(base + "/members/lin/statement?limit=abc").then(), 400, "limit")
                .body("type", endsWith("/invalid-parameter"));
        refused(as(shop.qa()).get(base + "/members/lin/statement?cursor=xyz").then(), 400, "cursor");
        refused(as(shop.qa()).get(base + "/rule-versions/abc").then(), 400, "number");
        refused(as(shop.qa()).get(base + "/members/lin/expiring?days=abc").then(), 400, "days");
        for (String limit : List.of("0", "-1", "501")) {
            refused(as(shop.qa()).get(base + "/members/lin/statement?limit=" + limit).then(), 400, "limit")
                    .body("errors[0].message", equalTo("must be a whole number between 1 and 500"));
        }
        refused(as(shop.qa()).get(base + "/mall/items?limit=0").then(), 400, "limit");
        refused(asAdmin().get(base + "/audit?limit=501").then(), 400, "limit")
                .body("errors[0].message", equalTo("must be a whole number between 1 and 500"));
        refused(as(shop.qa()).get(base + "/members/lin/mall/items?limit=201").then(), 400, "limit")
                .body("errors[0].message", equalTo("must be a whole number between 1 and 200"));
        as(shop.qa()).get(base + "/members/lin/statement?limit=500").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aNulCharacterInAPathIdOrAFieldIsRefusedAndWritesNothing() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        Map<String, Long> before = rowsOf(shop);
        refused(as(shop.qa()).urlEncodingEnabled(false).get("/merchants/" + shop.code() + "/members/a%00b/statement").then(),
                400, "memberId").body("errors[0].message", containsString("NUL"));
        refused(as(shop.integrator()).urlEncodingEnabled(false).body(Map.of("tier", "GOLD"))
                .put("/merchants/" + shop.code() + "/members/lin%00").then(), 400, "memberId");
        refused(as(shop.integrator()).body("{\"adjustmentId\":\"a-1\",\"points\":1,\"reason\":\"x\\u0000y\"}")
                .post("/merchants/" + shop.code() + "/members/lin/adjustments").then(), 400, "reason");
        refused(as(shop.integrator()).body("{\"transactionId\":\"e-1\",\"memberId\":\"lin\",\"type\":\"SHARE\","
                        + "\"occurredAt\":\"2026-03-05T04:00:00Z\",\"attributes\":{\"k\":\"v\\u0000\"}}")
                .post("/merchants/" + shop.code() + "/events").then(), 400, "attributes.k");
        assertThat(rowsOf(shop)).isEqualTo(before);
    }

    @Test
    void activatingWithNoBodyAndNoContentTypeActivatesNow() {
        Api.TestMerchant shop = newMerchant();
        int version = uploadReferenceProgram(shop);
        // as curl -X POST sends it: no body, no Content-Type
        HttpResponse<String> activated = postWithNothing("/merchants/" + shop.code() + "/rule-versions/" + version
                + "/activation", shop.marketing());
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(activated.body()).contains("\"version\":" + version);
        as(shop.qa()).get("/merchants/" + shop.code() + "/rule-versions/active").then().statusCode(200)
                .body("number", equalTo(version));
    }

    @Test
    void aPathLongerThanTheServiceReadsIs414ProblemJson() {
        Api.TestMerchant shop = newMerchant();
        given().header("X-Api-Key", shop.qa()).get("/merchants/" + shop.code() + "/members/" + "a".repeat(10_240) + "/statement")
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", endsWith("/uri-too-long"))
                .body("detail", containsString("at most 8192"));
        // just under the bound it is an ordinary request
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/" + "a".repeat(7_000) + "/statement")
                .then().statusCode(404);
    }

    /** A POST with no body and no Content-Type, which Rest Assured cannot send (it adds a form type). */
    static HttpResponse<String> postWithNothing(String path, String key) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mall items with the given fields on top of a valid one. */
    private static final class Mall {
        static ValidatableResponse item(Api.TestMerchant shop, Map<String, Object> fields) {
            Map<String, Object> body = new HashMap<>(Map.of("sku", "BAD-" + fields.keySet().iterator().next(),
                    "name", "Item", "type", "VIRTUAL", "basePoints", 10));
            body.putAll(fields);
            return as(shop.marketing()).body(body).post("/merchants/" + shop.code() + "/mall/items").then();
        }
    }

    /** Rows of the merchant in every table that has a merchant_id: a refused request changes none. */
    static Map<String, Long> rowsOf(Api.TestMerchant shop) {
        try (Connection c = Database.tests().connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select table_name from information_schema.columns where column_name = 'merchant_id'"
                    + " and table_schema = current_schema() order by table_name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            assertThat(tables).contains("loyalty_transaction", "member", "ledger_entry", "mall_item", "audit_log");
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (PreparedStatement p = c.prepareStatement("select count(*) from " + table
                        + " where merchant_id = (select id from merchant where code = ?)")) {
                    p.setString(1, shop.code());
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        counts.put(table, r.getLong(1));
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
