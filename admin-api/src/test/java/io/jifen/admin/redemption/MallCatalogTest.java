package io.jifen.admin.redemption;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jifen.admin.redemption.Mall.*;
import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class MallCatalogTest {

    @Test
    void marketingCreatesAnItemWithEveryCatalogFieldAndReadsItBack() {
        Api.TestMerchant shop = Api.newMerchant();
        item(shop, "RICE-COOKER", "PHYSICAL", 3000, Map.of("description", "3 litres", "cashPrice", "49.90",
                "stock", 25, "perMemberLimit", 1, "tiersAllowed", List.of("SILVER", "GOLD"),
                "availableFrom", "2026-12-01T00:00:00Z", "availableUntil", "2027-01-01T00:00:00Z"))
                .statusCode(201).header("Location", endsWith("/mall/items/RICE-COOKER"));
        itemView(shop, "RICE-COOKER").body("name", equalTo("Item RICE-COOKER")).body("description", equalTo("3 litres"))
                .body("imageUrl", equalTo("https://img.example/RICE-COOKER.png")).body("type", equalTo("PHYSICAL"))
                .body("basePoints", equalTo(3000)).body("cashPrice", equalTo("49.9")).body("stock", equalTo(25))
                .body("unlimitedStock", equalTo(false)).body("perMemberLimit", equalTo(1))
                .body("tiersAllowed", contains("SILVER", "GOLD")).body("availableFrom", equalTo("2026-12-01T00:00:00Z"))
                .body("active", equalTo(true));
        item(shop, "RICE-COOKER", "PHYSICAL", 1, Map.of()).statusCode(409).body("type", endsWith("/item-exists"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/mall/items").then().statusCode(200)
                .body("items.sku", contains("RICE-COOKER"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then().body("items.action", hasItem("mall.item.created"));
    }

    @Test
    void anInvalidItemIsRefusedNamingEachField() {
        Api.TestMerchant shop = Api.newMerchant();
        item(shop, "BAD", "GADGET", -5, Map.of("cashPrice", "1.234", "imageUrl", "ftp://x")).statusCode(422)
                .body("errors.field", hasItems("type", "basePoints", "imageUrl"));
        item(shop, "BAD", "PHYSICAL", 5, Map.of("cashPrice", "1.234", "tiersAllowed", List.of("PLATINUM"),
                "availableFrom", "2027-01-01T00:00:00Z", "availableUntil", "2026-01-01T00:00:00Z")).statusCode(422)
                .body("errors.field", hasItems("cashPrice", "tiersAllowed[0]", "availableUntil"));
        item(shop, "BAD", "LOTTERY", 5, Map.of()).statusCode(422).body("errors[0].field", equalTo("prizes"));
        item(shop, "BAD", "LOTTERY", 5, Map.of("prizes", List.of(Map.of("name", "a", "probability", "0.6"),
                Map.of("name", "b", "probability", "0.5")))).statusCode(422).body("errors[0].field", equalTo("prizes"));
        item(shop, "BAD", "PHYSICAL", 5, Map.of("codeSource", "POOL")).statusCode(422)
                .body("errors[0].field", equalTo("codeSource"));
    }

    @Test
    void stockMovesByDifferencesAndAnUpdateNeverOverwritesIt() {
        Api.TestMerchant shop = Api.newMerchant();
        createItem(shop, "PAN", "PHYSICAL", 500, Map.of("stock", 10));
        String stock = "/merchants/" + shop.code() + "/mall/items/PAN/stock";
        as(shop.marketing()).body(Map.of("change", 5, "reason", "delivery from the supplier")).post(stock).then()
                .statusCode(200).body("stock", equalTo(15));
        as(shop.marketing()).body(Map.of("change", -16)).post(stock).then().statusCode(409)
                .body("type", endsWith("/insufficient-stock"));
        as(shop.marketing()).body(Map.of("name", "Frying pan", "type", "PHYSICAL", "basePoints", 450, "stock", 999,
                        "active", false))
                .put("/merchants/" + shop.code() + "/mall/items/PAN").then().statusCode(200)
                .body("name", equalTo("Frying pan")).body("basePoints", equalTo(450)).body("stock", equalTo(15))
                .body("active", equalTo(false));
        as(shop.marketing()).body(Map.of("name", "x", "type", "VIRTUAL", "basePoints", 1))
                .put("/merchants/" + shop.code() + "/mall/items/PAN").then().statusCode(422)
                .body("errors[0].field", equalTo("type"));
        createItem(shop, "FOREVER", "SERVICE", 1, Map.of());
        as(shop.marketing()).body(Map.of("change", 1)).post("/merchants/" + shop.code() + "/mall/items/FOREVER/stock")
                .then().statusCode(409).body("type", endsWith("/stock-unlimited"));
    }

    @Test
    void codePoolsTakeCsvUploadsAndGeneratedCodesAndSkipDuplicates() {
        Api.TestMerchant shop = Api.newMerchant();
        createItem(shop, "GAME-CARD", "VIRTUAL", 100, Map.of());
        String codes = "/merchants/" + shop.code() + "/mall/items/GAME-CARD/codes";
        as(shop.marketing()).contentType("text/csv").body("code,batch\n\"GC-1\",7\nGC-2,7\r\nGC-2,8\n\n")
                .post(codes).then().statusCode(201).body("added", equalTo(2)).body("duplicates", equalTo(0));
        as(shop.marketing()).body(Map.of("codes", List.of("GC-2", "GC-3"))).post(codes).then().statusCode(201)
                .body("added", equalTo(1)).body("duplicates", equalTo(1)).body("available", equalTo(3));
        as(shop.marketing()).body(Map.of("generate", 10)).post(codes).then().statusCode(201)
                .body("added", equalTo(10)).body("available", equalTo(13));
        as(shop.marketing()).body(Map.of("codes", List.of("A"), "generate", 1)).post(codes).then().statusCode(422);
        itemView(shop, "GAME-CARD").body("codeSource", equalTo("POOL")).body("codesAvailable", equalTo(13));

        createItem(shop, "MUG", "PHYSICAL", 100, Map.of());
        as(shop.marketing()).body(Map.of("generate", 1)).post("/merchants/" + shop.code() + "/mall/items/MUG/codes")
                .then().statusCode(409).body("type", endsWith("/no-code-pool"));
    }

    @Test
    void aCsvSavedByExcelWithAByteOrderMarkKeepsItsHeaderOutOfThePool() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "BOM-CARD", "VIRTUAL", 100, Map.of("stock", 10));
        as(shop.marketing()).contentType("text/csv; charset=UTF-8").body("\uFEFFcode\nBOM-1\nBOM-2\n")
                .post("/merchants/" + shop.code() + "/mall/items/BOM-CARD/codes").then().statusCode(201)
                .body("added", equalTo(2)).body("available", equalTo(2));
    }

    @Test
    void aVoucherBatchUploadedToTwoItemsIsIssuedFromTheFirstOnly() {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        createItem(shop, "COUPON-5", "COUPON", 200, Map.of("stock", 10, "attributes", Map.of("faceValue", "5")));
        createItem(shop, "COUPON-5-GOLD", "COUPON", 200, Map.of("stock", 10, "attributes", Map.of("faceValue", "5")));
        as(shop.marketing()).body(Map.of("codes", List.of("V-1", "V-2"))).post("/merchants/" + shop.code()
                + "/mall/items/COUPON-5/codes").then().statusCode(201).body("added", equalTo(2));
        as(shop.marketing()).body(Map.of("codes", List.of("V-1", "V-2", "V-3"))).post("/merchants/" + shop.code()
                + "/mall/items/COUPON-5-GOLD/codes").then().statusCode(201)
                .body("added", equalTo(1)).body("duplicates", equalTo(2)).body("available", equalTo(1));
    }

    @Test
    void twoMarketersCreatingTheSameSkuAtOnceGetOneItemAndAClearConflict() throws Exception {
        Api.TestMerchant shop = Api.merchantOnReferenceProgram();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> item(shop, "TWIN", "PHYSICAL", 100, Map.of()).extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lotteryPrizesAreReplacedAsAWholeAndShownWithTheirStock() {
        Api.TestMerchant shop = Api.newMerchant();
        createItem(shop, "SPIN", "LOTTERY", 100, Map.of("prizes", List.of(
                Map.of("name", "rice cooker", "probability", "0.01", "stock", 3),
                Map.of("name", "5-yuan coupon", "probability", "0.2"))));
        itemView(shop, "SPIN").body("prizes.name", contains("rice cooker", "5-yuan coupon"))
                .body("prizes[0].stock", equalTo(3)).body("prizes[1].probability", equalTo(0.2f));
        as(shop.marketing()).body(Map.of("name", "Spin", "type", "LOTTERY", "basePoints", 100, "prizes", List.of(
                        Map.of("name", "kettle", "probability", "0.05", "stock", 1))))
                .put("/merchants/" + shop.code() + "/mall/items/SPIN").then().statusCode(200)
                .body("prizes.name", contains("kettle"));
    }

    @Test
    void anEditOfAPrizeKeepsTheStockWonSinceAndStockMovesOnlyByDifferences() {
        Api.TestMerchant shop = Api.newMerchant();
        createItem(shop, "WHEEL", "LOTTERY", 100, Map.of("prizes", List.of(
                Map.of("name", "rice cooker", "probability", "0.01", "stock", 3))));
        int prize = itemView(shop, "WHEEL").extract().path("prizes[0].id");
        String item = "/merchants/" + shop.code() + "/mall/items/WHEEL";
        // renaming it by id keeps its row and its stock
        as(shop.marketing()).body(Map.of("name", "Wheel", "type", "LOTTERY", "basePoints", 100, "prizes", List.of(
                        Map.of("id", prize, "name", "Rice cooker 3L", "probability", "0.02"))))
                .put(item).then().statusCode(200)
                .body("prizes[0].id", equalTo(prize)).body("prizes[0].name", equalTo("Rice cooker 3L"))
                .body("prizes[0].stock", equalTo(3));
        // a stale stock sent with the id is refused, not written
        as(shop.marketing()).body(Map.of("name", "Wheel", "type", "LOTTERY", "basePoints", 100, "prizes", List.of(
                        Map.of("id", prize, "name", "Rice cooker 3L", "probability", "0.02", "stock", 5))))
                .put(item).then().statusCode(422).body("errors[0].field", equalTo("prizes[0].stock"));
        as(shop.marketing()).body(Map.of("change", -1, "reason", "one broke in the warehouse"))
                .post(item + "/prizes/" + prize + "/stock").then().statusCode(200).body("stock", equalTo(2));
        as(shop.marketing()).body(Map.of("change", -5)).post(item + "/prizes/" + prize + "/stock").then()
                .statusCode(409).body("type", endsWith("/insufficient-stock"));
    }
}
