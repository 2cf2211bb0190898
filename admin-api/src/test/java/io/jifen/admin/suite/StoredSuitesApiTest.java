package io.jifen.admin.suite;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jifen.admin.suite.StoredSuiteFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.hamcrest.Matchers.*;

/** PUT/GET/DELETE /merchants/{code}/suites…: stored suites, their revisions, and what is refused. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class StoredSuitesApiTest {

    @Test
    void qaStoresASuiteAndReadsItBackAtItsFirstRevision() {
        Api.TestMerchant shop = newMerchant();
        String qaKey = keyIdOf(shop, shop.qa());
        as(shop.qa()).contentType("application/yaml").body(BASKETS).put(suites(shop) + "/baskets")
                .then().statusCode(201)
                .header("Location", endsWith("/merchants/" + shop.code() + "/suites/baskets"))
                .body("name", equalTo("baskets")).body("revision", equalTo(1))
                .body("suite", equalTo("baskets at one point per yuan")).body("scenarios", equalTo(2))
                .body("updatedBy", equalTo(qaKey)).body("createdBy", equalTo(qaKey))
                .body("retiredAt", nullValue()).body("$", not(hasKey("yaml")));
        as(shop.marketing()).get(suites(shop)).then().statusCode(200)
                .body("items.name", contains("baskets")).body("items[0].revision", equalTo(1))
                .body("items[0].scenarios", equalTo(2)).body("items[0].updatedAt", notNullValue());
        as(shop.qa()).get(suites(shop) + "/baskets").then().statusCode(200)
                .body("revision", equalTo(1)).body("yaml", equalTo(BASKETS));
    }

    @Test
    void changedTextBecomesANewRevisionAndTheSameTextAgainStoresNothing() {
        Api.TestMerchant shop = newMerchant();
        store(shop, "baskets", BASKETS);
        String revised = BASKETS.replace("suite: baskets at one point per yuan", "suite: baskets, revised");
        as(shop.marketing()).contentType("text/yaml").body(revised).queryParam("message", "clearer name")
                .put(suites(shop) + "/baskets").then().statusCode(200)
                .body("revision", equalTo(2)).body("suite", equalTo("baskets, revised"))
                .body("message", equalTo("clearer name")).body("updatedBy", equalTo(keyIdOf(shop, shop.marketing())))
                .body("createdBy", equalTo(keyIdOf(shop, shop.qa())));
        as(shop.qa()).contentType("application/yaml").body(revised).put(suites(shop) + "/baskets")
                .then().statusCode(200).body("revision", equalTo(2));

        as(shop.qa()).get(suites(shop) + "/baskets/revisions").then().statusCode(200)
                .body("items.revision", contains(1, 2)).body("items.current", contains(false, true))
                .body("items.message", contains("", "clearer name")).body("items[0]", not(hasKey("yaml")));
        as(shop.qa()).get(suites(shop) + "/baskets/revisions/1").then().statusCode(200)
                .body("yaml", equalTo(BASKETS)).body("current", equalTo(false));
        as(shop.qa()).get(suites(shop) + "/baskets").then().body("yaml", equalTo(revised));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then().statusCode(200)
                .body("items.findAll { it.target == 'suite/baskets' }.action", contains("suite.revised", "suite.created"));
    }

    @Test
    void concurrentStoresOfOneNameGetOneCreationAndDistinctConsecutiveRevisions() throws Exception {
        Api.TestMerchant shop = newMerchant();
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = BASKETS.replace("suite: baskets at one point per yuan", "suite: writer " + i);
                statuses.add(pool.submit(() -> as(shop.qa()).contentType("application/yaml").body(text)
                        .put(suites(shop) + "/baskets").statusCode()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                answered.add(f.get(60, TimeUnit.SECONDS));
            }
            Assertions.assertThat(answered).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        as(shop.qa()).get(suites(shop) + "/baskets/revisions").then().statusCode(200)
                .body("items.revision", contains(1, 2, 3, 4, 5, 6));
        as(shop.qa()).get(suites(shop) + "/baskets").then().body("revision", equalTo(6));
    }

    @Test
    void aSuiteThatCannotBeReadIsRefusedAtItsLineAndNothingIsStored() {
        Api.TestMerchant shop = newMerchant();
        String typo = """
                suite: typo
                scenarios:
                  - name: a basket
                    when:
                      purchase: {at: "2026-03-05T10:00", total: 10.00}
                    then:
                      totalPointz: 10
                """;
        as(shop.qa()).contentType("application/yaml").body(typo).put(suites(shop) + "/typo").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://jifen.io/problems/invalid-suite"))
                .body("detail", startsWith("typo.yaml: scenarios[0].then.totalPointz: unknown key `totalPointz`"))
                .body("detail", endsWith("(line 7)"))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(7)).body("errors[0].column", equalTo(7))
                .body("errors[0].field", equalTo("scenarios[0].then.totalPointz"));
        String noTime = """
                suite: no time
                scenarios:
                  - name: first
                    when: {tier: {at: "2026-03-05T10:00"}}
                    then: {}
                  - name: second
                    when:
                      purchase: {total: 10.00}
                    then: {totalPoints: 10}
                  - name: second
                    when: {tier: {at: "2026-03-05T10:00"}}
                    then: {}
                """;
        as(shop.qa()).contentType("application/yaml").body(noTime).put(suites(shop) + "/typo").then().statusCode(422)
                .body("errors.line", contains(8, 10))
                .body("errors.field", contains("scenarios[1].when.purchase", "scenarios[2].name"));
        as(shop.qa()).contentType("application/yaml").body("suite: [unclosed\nscenarios: []\n")
                .put(suites(shop) + "/typo").then().statusCode(422)
                .body("type", endsWith("/invalid-suite")).body("errors[0].line", equalTo(2));
        as(shop.qa()).contentType("application/yaml").body("").put(suites(shop) + "/typo").then().statusCode(422)
                .body("type", endsWith("/invalid-suite"));

        as(shop.qa()).get(suites(shop) + "/typo").then().statusCode(404);
        as(shop.qa()).get(suites(shop)).then().statusCode(200).body("items", empty());
    }

    @Test
    void namesAreSlugsAndASuiteHoldsAtMostOneMebibyte() {
        Api.TestMerchant shop = newMerchant();
        for (String name : new String[] {"Baskets", "-baskets", "baskets_1", "b".repeat(64)}) {
            as(shop.qa()).contentType("application/yaml").body(BASKETS).put(suites(shop) + "/" + name)
                    .then().statusCode(422).body("type", endsWith("/invalid-request"))
                    .body("errors[0].field", equalTo("name"));
        }
        store(shop, "b".repeat(63), BASKETS);
        store(shop, "0-baskets", BASKETS);

        String padded = BASKETS + "#" + "x".repeat(StoredSuites.MAX_BYTES - BASKETS.length()) + "\n";
        as(shop.qa()).contentType("application/yaml").body(padded).put(suites(shop) + "/big").then().statusCode(413)
                .body("type", endsWith("/payload-too-large")).body("detail", containsString("1048576 bytes"));
        as(shop.qa()).contentType("application/yaml").body(BASKETS).queryParam("message", "m".repeat(501))
                .put(suites(shop) + "/baskets").then().statusCode(422).body("errors[0].field", equalTo("message"));
        as(shop.qa()).get(suites(shop)).then().body("items.name", contains("0-baskets", "b".repeat(63)));
    }

    @Test
    void browserUploadsAsPlainTextAndXYamlAreReadButJsonIsNot() {
        Api.TestMerchant shop = newMerchant();
        as(shop.qa()).contentType("text/plain; charset=UTF-8").body(BASKETS).put(suites(shop) + "/plain")
                .then().statusCode(201);
        as(shop.qa()).contentType("application/x-yaml").body(DOUBLE).put(suites(shop) + "/x-yaml")
                .then().statusCode(201).body("scenarios", equalTo(1));
        as(shop.qa()).contentType("application/json").body("{\"suite\": \"j\"}").put(suites(shop) + "/json")
                .then().statusCode(415);
    }

    @Test
    void aRetiredSuiteLeavesTheListKeepsItsRevisionsAndComesBackWithANewOne() {
        Api.TestMerchant shop = newMerchant();
        store(shop, "baskets", BASKETS);
        retire(shop, "baskets");
        retire(shop, "baskets"); // again: nothing changes
        as(shop.qa()).get(suites(shop)).then().statusCode(200).body("items", empty());
        as(shop.qa()).get(suites(shop) + "?retired=true").then().statusCode(200)
                .body("items.name", contains("baskets")).body("items[0].retiredAt", notNullValue())
                .body("items[0].retiredBy", equalTo(keyIdOf(shop, shop.qa())));
        as(shop.qa()).get(suites(shop) + "/baskets").then().statusCode(200)
                .body("retiredAt", notNullValue()).body("yaml", equalTo(BASKETS));
        as(shop.qa()).get(suites(shop) + "/baskets/revisions").then().body("items.current", contains(false));

        as(shop.qa()).contentType("application/yaml").body(BASKETS).put(suites(shop) + "/baskets")
                .then().statusCode(200).body("revision", equalTo(2)).body("retiredAt", nullValue());
        as(shop.qa()).get(suites(shop)).then().body("items.name", contains("baskets"));
        as(shop.qa()).get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.target == 'suite/baskets' }.action", contains("suite.revived", "suite.retired", "suite.created"));
    }

    @Test
    void unknownNamesAndRevisionsAreNotFound() {
        Api.TestMerchant shop = newMerchant();
        store(shop, "baskets", BASKETS);
        as(shop.qa()).get(suites(shop) + "/nothing").then().statusCode(404).body("type", endsWith("/not-found"));
        as(shop.qa()).get(suites(shop) + "/Not_A_Slug").then().statusCode(404);
        as(shop.qa()).get(suites(shop) + "/nothing/revisions").then().statusCode(404);
        as(shop.qa()).get(suites(shop) + "/baskets/revisions/2").then().statusCode(404)
                .body("detail", equalTo("revision 2 of suite `baskets` does not exist"));
        as(shop.qa()).get(suites(shop) + "/baskets/revisions/two").then().statusCode(400)
                .body("type", endsWith("/invalid-parameter"));
        as(shop.qa()).delete(suites(shop) + "/nothing").then().statusCode(404);
    }

    @Test
    void anotherMerchantsSuitesAreNotFoundAndIntegratorsMayNotTouchSuites() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        store(shop, "baskets", BASKETS);
        as(other.qa()).get(suites(shop) + "/baskets").then().statusCode(404);
        as(other.qa()).get(suites(shop)).then().statusCode(404);
        as(other.marketing()).contentType("application/yaml").body(DOUBLE).put(suites(shop) + "/baskets")
                .then().statusCode(404);
        as(other.qa()).delete(suites(shop) + "/baskets").then().statusCode(404);
        as(other.qa()).get(suites(other)).then().statusCode(200).body("items", empty());

        as(shop.integrator()).get(suites(shop)).then().statusCode(403);
        as(shop.integrator()).get(suites(shop) + "/baskets").then().statusCode(403);
        as(shop.integrator()).contentType("application/yaml").body(DOUBLE).put(suites(shop) + "/baskets")
                .then().statusCode(403);
        as(shop.integrator()).delete(suites(shop) + "/baskets").then().statusCode(403);
        as(shop.qa()).get(suites(shop) + "/baskets").then().statusCode(200).body("revision", equalTo(1))
                .body("retiredAt", nullValue());
    }
}
