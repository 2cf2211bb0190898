package io.jifen.admin.member;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
 * walking the pages gives every item once, in the list's order. Members are listed and searched by id
 * prefix, tier and status; a member's transactions are listed newest first.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class PagingApiTest {

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
}
