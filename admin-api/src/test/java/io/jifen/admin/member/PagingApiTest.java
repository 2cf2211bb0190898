package io.jifen.admin.member;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.admin.support.Poll;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static io.jifen.admin.support.Api.merchantOnReferenceProgram;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every list pages one way (docs/api.md, "Paging"): {items, nextCursor}, ?limit= 1-500 and ?cursor=;
 * walking the pages gives every item once, in the list's order; a limit out of range or a cursor no list
 * gave is refused naming the parameter. Members are listed and searched by id prefix, tier and status; a
 * member's transactions are listed newest first.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class PagingApiTest {
    /** Ids (as the walk gives them, text) from the highest down: newest first. */
    private static final Comparator<String> DESCENDING_IDS = Comparator.<String, Long>comparing(Long::parseLong).reversed();

    /** Every item's {@code field}, page by page, {@code limit} a page; asserts every page but the last is full. */
    private static List<String> walk(String key, String path, int limit, String field) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = as(key).queryParam("limit", limit).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(path).then().statusCode(200).extract().jsonPath();
            List<String> items = page.<Object>getList("items." + field).stream().map(String::valueOf).toList();
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertThat(items).as("a page before the last is full").hasSize(limit);
            }
            all.addAll(items);
        } while (cursor != null);
        return all;
    }

    /**
     * Walks {@code path} {@code limit} a page and checks the walk is the one page of 200 the list gives
     * (longer than a page), each item once, and that bad paging is refused; returns the walk. (200: the
     * most a member's mall lists in a page by default, jifen.mall.max-page.)
     */
    private static List<String> walksAsOnePage(String key, String path, int limit, String field) {
        List<String> walked = walk(key, path, limit, field);
        List<String> whole = as(key).queryParam("limit", 200).get(path).then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath().<Object>getList("items." + field).stream()
                .map(String::valueOf).toList();
        assertThat(whole).as(path + " is longer than a page").hasSizeGreaterThan(limit);
        assertThat(walked).as(path + ", walked " + limit + " a page").isEqualTo(whole).doesNotHaveDuplicates();
        refusesBadPaging(key, path);
        return walked;
    }

    /** A limit out of 1-500 and a cursor no list gave are 400 problems naming the parameter. */
    private static void refusesBadPaging(String key, String path) {
        for (int limit : new int[] {0, 501}) {
            as(key).queryParam("limit", limit).get(path).then().statusCode(400)
                    .body("type", equalTo("https://jifen.io/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("limit"));
        }
        as(key).queryParam("cursor", "not a cursor!").get(path).then().statusCode(400)
                .body("type", equalTo("https://jifen.io/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void membersAreListedByIdAndSearchedByPrefixTierAndStatus() {
        Api.TestMerchant shop = newMerchant();
        String members = "/merchants/" + shop.code() + "/members";
        for (String id : List.of("b_1", "a-2", "a-1", "bx1", "a-3")) {
            as(shop.integrator()).body(Map.of("tier", id.startsWith("a") ? "GOLD" : "REGULAR")).put(members + "/" + id)
                    .then().statusCode(201);
        }
        as(shop.integrator()).body(Map.of("reason", "chargeback")).post(members + "/a-2/freeze").then().statusCode(204);

        assertThat(walk(shop.qa(), members, 2, "memberId")).containsExactly("a-1", "a-2", "a-3", "b_1", "bx1");
        as(shop.qa()).queryParam("idPrefix", "a-").get(members).then().statusCode(200)
                .body("items.memberId", contains("a-1", "a-2", "a-3")).body("nextCursor", nullValue());
        // `_` is a member id character, not a wildcard: b_ finds b_1 and not bx1
        as(shop.qa()).queryParam("idPrefix", "b_").get(members).then().body("items.memberId", contains("b_1"));
        as(shop.qa()).queryParam("tier", "REGULAR").get(members).then().body("items.memberId", contains("b_1", "bx1"));
        as(shop.qa()).queryParam("status", "FROZEN").queryParam("tier", "GOLD").get(members).then()
                .body("items.memberId", contains("a-2"));
        as(shop.qa()).queryParam("status", "GONE").get(members).then().statusCode(400)
                .body("type", equalTo("https://jifen.io/problems/invalid-parameter")).body("errors[0].field", equalTo("status"));
        as(shop.qa()).queryParam("cursor", "not a cursor!").get(members).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(shop.qa()).queryParam("limit", 501).get(members).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(shop.marketing()).get(members).then().statusCode(403);
    }

    @Test
    void aMembersTransactionsAreListedNewestFirstPageByPage() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        String base = "/merchants/" + shop.code();
        for (int i = 1; i <= 5; i++) {
            as(shop.integrator()).body(Map.of("transactionId", "order-" + i, "memberId", "lin", "occurredAt",
                            "2026-03-0" + i + "T03:00:00Z", "total", i + "00.50", "lines", List.of()))
                    .post(base + "/purchases").then().statusCode(201);
        }
        as(shop.integrator()).body(Map.of("refundId", "return-1", "purchaseId", "order-2", "reason", "broken"))
                .post(base + "/refunds").then().statusCode(201);

        List<String> ids = walk(shop.integrator(), base + "/members/lin/transactions", 2, "transactionId");
        assertThat(ids).as("newest occurrence first; the refund happened now").containsExactly(
                "return-1", "order-5", "order-4", "order-3", "order-2", "order-1");
        as(shop.qa()).queryParam("limit", 6).get(base + "/members/lin/transactions").then().statusCode(200)
                .body("items[0].kind", equalTo("REFUND"))
                .body("items[1].kind", equalTo("PURCHASE")).body("items[1].amount", equalTo("500.5"))
                .body("items[1].ruleVersion", equalTo(1));
        as(shop.qa()).get(base + "/members/nobody/transactions").then().statusCode(404);
    }

    @Test
    void theListsThatWereArraysPageTheSameWay() {
        Api.TestMerchant shop = newMerchant();
        newMerchant();
        newMerchant();
        List<String> codes = walk(Api.ADMIN_KEY, "/merchants", 1, "code");
        assertThat(codes).contains(shop.code()).doesNotHaveDuplicates().isSorted();
        assertThat(walk(Api.ADMIN_KEY, "/merchants/" + shop.code() + "/api-keys", 2, "role"))
                .containsExactly("MARKETING", "INTEGRATOR", "QA");
        for (int i = 0; i < 3; i++) {
            as(shop.marketing()).body(Map.of("url", "https://crm.example.com/hook-" + i))
                    .post("/merchants/" + shop.code() + "/webhooks").then().statusCode(201);
        }
        assertThat(walk(shop.marketing(), "/merchants/" + shop.code() + "/webhooks", 2, "url")).containsExactly(
                "https://crm.example.com/hook-0", "https://crm.example.com/hook-1", "https://crm.example.com/hook-2");
        asAdmin().queryParam("limit", 0).get("/merchants").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void theListsThatPagedTheirOwnWayPageTheSameWay() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        String base = "/merchants/" + shop.code();
        String lin = base + "/members/lin";
        as(shop.marketing()).body(Map.of("url", "https://crm.example.com/hook")).post(base + "/webhooks").then().statusCode(201);
        as(shop.integrator()).body(Map.of()).put(lin).then().statusCode(201);
        for (int i = 1; i <= 3; i++) {
            as(shop.integrator()).body(Map.of("adjustmentId", "adj-" + i, "points", 1000, "reason", "goodwill " + i))
                    .post(lin + "/adjustments").then().statusCode(201);
            as(shop.marketing()).body(Map.of("sku", "ITEM-" + i, "name", "item " + i, "type", "SERVICE", "basePoints", 10 * i))
                    .post(base + "/mall/items").then().statusCode(201);
        }
        as(shop.marketing()).body(Map.of("sku", "LUCKY", "name", "lucky draw", "type", "LOTTERY", "basePoints", 1,
                "prizes", List.of(Map.of("name", "sticker", "probability", "0.5")))).post(base + "/mall/items").then().statusCode(201);
        for (int i = 1; i <= 3; i++) {
            as(shop.integrator()).body(Map.of("redemptionId", "r-" + i, "sku", "ITEM-" + i)).post(lin + "/redemptions")
                    .then().statusCode(201);
            as(shop.integrator()).body(Map.of("redemptionId", "draw-" + i, "sku", "LUCKY")).post(lin + "/redemptions")
                    .then().statusCode(201);
            as(shop.marketing()).post(base + "/rule-versions/1/activation").then().statusCode(200);
            as(shop.qa()).contentType("application/yaml").body("""
                            suite: anything goes
                            scenarios:
                              - name: a tier review runs, take %d
                                when: {tier: {at: "2026-03-05T10:00"}}
                                then: {}
                            """.formatted(i)).put(base + "/suites/suite-" + i).then().statusCode(201);
            as(shop.qa()).contentType("application/yaml").body("""
                            suite: anything goes
                            scenarios:
                              - name: a tier review runs, revision %d
                                when: {tier: {at: "2026-03-05T10:00"}}
                                then: {}
                            """.formatted(i)).put(base + "/suites/revised").then().statusCode(i == 1 ? 201 : 200);
        }
        for (int i = 0; i < 2; i++) {
            long run = as(shop.marketing()).body(Map.of("candidateVersion", 1, "from", "2026-03-01T00:00:00Z",
                    "to", "2026-03-02T00:00:00Z")).post(base + "/simulations").then().statusCode(202)
                    .extract().<Number>path("id").longValue();
            Poll.until("simulation " + run + " finishes", Duration.ofSeconds(60), () -> !List.of("QUEUED", "RUNNING")
                    .contains(as(shop.qa()).get(base + "/simulations/" + run).then().extract().<String>path("status")), () -> "");
        }

        assertThat(walksAsOnePage(shop.qa(), lin + "/statement", 2, "entryId")).as("newest first").hasSizeGreaterThan(6)
                .isSortedAccordingTo(DESCENDING_IDS);
        assertThat(walksAsOnePage(shop.qa(), lin + "/redemptions", 2, "redemptionId")).containsExactly(
                "draw-3", "r-3", "draw-2", "r-2", "draw-1", "r-1");
        assertThat(walksAsOnePage(shop.qa(), base + "/mall/items/LUCKY/draws", 2, "redemptionId"))
                .containsExactly("draw-3", "draw-2", "draw-1");
        assertThat(walksAsOnePage(shop.qa(), base + "/mall/items", 2, "sku"))
                .containsExactly("ITEM-1", "ITEM-2", "ITEM-3", "LUCKY");
        assertThat(walksAsOnePage(shop.qa(), lin + "/mall/items", 2, "sku"))
                .containsExactly("ITEM-1", "ITEM-2", "ITEM-3", "LUCKY");
        assertThat(walksAsOnePage(shop.qa(), base + "/simulations", 1, "id")).hasSize(2).isSortedAccordingTo(
                DESCENDING_IDS);
        assertThat(walksAsOnePage(shop.qa(), base + "/audit", 3, "id"))
                .isSortedAccordingTo(DESCENDING_IDS);
        assertThat(walksAsOnePage(shop.qa(), base + "/activations", 2, "id")).hasSize(4)
                .isSortedAccordingTo(DESCENDING_IDS);
        String hook = as(shop.marketing()).get(base + "/webhooks").then().extract().path("items[0].id").toString();
        assertThat(walksAsOnePage(shop.marketing(), base + "/webhooks/" + hook + "/deliveries", 2, "id"))
                .isSortedAccordingTo(DESCENDING_IDS);
        assertThat(walksAsOnePage(shop.qa(), base + "/suites", 2, "name"))
                .containsExactly("revised", "suite-1", "suite-2", "suite-3");
        assertThat(walksAsOnePage(shop.qa(), base + "/suites/revised/revisions", 2, "revision")).containsExactly("1", "2", "3");
        assertThat(walksAsOnePage(shop.qa(), base + "/rule-versions/1/files", 4, "name")).hasSizeGreaterThan(4);
    }
}
