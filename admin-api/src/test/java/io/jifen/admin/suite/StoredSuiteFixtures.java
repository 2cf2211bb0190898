package io.jifen.admin.suite;

import io.jifen.admin.support.Api;
import org.hamcrest.Matchers;

import static io.jifen.admin.support.Api.as;

/** Suites for the stored-suite and activation-gate tests, written against the one-rule programs of RuleVersionFixtures. */
public final class StoredSuiteFixtures {
    private StoredSuiteFixtures() {
    }

    /** Two scenarios that pass at 1 point per yuan and fail at any other rate. */
    public static final String BASKETS = """
            suite: baskets at one point per yuan
            zone: Asia/Shanghai
            scenarios:
              - name: a 120-yuan basket earns 120 points
                when:
                  purchase: {at: "2026-03-05T10:00", total: 120.00, lines: [{sku: RICE, category: grocery, amount: 120.00}]}
                then: {totalPoints: 120}
              - name: a 10-yuan basket earns 10 points
                when:
                  purchase: {at: "2026-03-05T10:00", total: 10.00, lines: [{sku: SALT, category: grocery, amount: 10.00}]}
                then: {totalPoints: 10}
            """;

    /** One scenario that passes at 2 points per yuan and fails at any other rate. */
    public static final String DOUBLE = """
            suite: double points
            zone: Asia/Shanghai
            scenarios:
              - name: a 50-yuan basket earns 100 points
                when:
                  purchase: {at: "2026-03-05T10:00", total: 50.00, lines: [{sku: TEA, category: grocery, amount: 50.00}]}
                then: {totalPoints: 100, awards: {"earn 2 points per yuan": 100}}
            """;

    /** A scenario that only expects a result: passes on any program that evaluates a tier review. */
    public static final String ANYTHING_GOES = """
            suite: anything goes
            scenarios:
              - name: a tier review runs
                when: {tier: {at: "2026-03-05T10:00"}}
                then: {}
            """;

    public static String suites(Api.TestMerchant shop) {
        return "/merchants/" + shop.code() + "/suites";
    }

    /** Stores {@code yaml} as suite {@code name} with the QA key (201 or 200); returns the revision. */
    public static int store(Api.TestMerchant shop, String name, String yaml) {
        return as(shop.qa()).contentType("application/yaml").body(yaml).put(suites(shop) + "/" + name)
                .then().statusCode(Matchers.oneOf(200, 201)).extract().path("revision");
    }

    public static void retire(Api.TestMerchant shop, String name) {
        as(shop.qa()).delete(suites(shop) + "/" + name).then().statusCode(204);
    }

    public static String keyIdOf(Api.TestMerchant shop, String key) {
        return as(key).get("/merchants/" + shop.code() + "/me").then().statusCode(200).extract().path("keyId");
    }
}
