package io.jifen.admin.redemption;

import io.jifen.admin.support.AdjustableClock;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.scenario.ScenarioFacts;
import io.jifen.engine.scenario.Suite;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario of the reference program's exchange-pricing suite (rules/…/suites/exchange-pricing.yaml),
 * asked through the mall's quote endpoint: the item in the catalog, the member in the scenario's tier,
 * the service clock at the scenario's instant. The mall must quote what QA's suite says the rules
 * charge: tier discounts, the Double 11 window, the year-end clearance, the 200-point coupon and the
 * points-plus-cash option.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class MallPricingSuiteTest {
    @Inject
    AdjustableClock clock;

    @TestFactory
    List<DynamicTest> theMallQuotesEveryScenarioOfTheExchangePricingSuite() {
        Suite suite = ReferenceProgram.suite("exchange-pricing.yaml");
        ZoneId zone = ZoneId.of(suite.zone());
        // the program goes live before the suite's earliest instant, so every scenario prices on it
        clock.travelTo(Instant.parse("2026-01-01T00:00:00Z"));
        Api.TestMerchant shop;
        try {
            shop = Api.merchantOnReferenceProgram();
        } finally {
            clock.reset();
        }
        Set<String> families = new TreeSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < suite.scenarios().size(); i++) {
            Suite.Scenario scenario = suite.scenarios().get(i);
            Suite.QuoteSpec when = scenario.when().quote();
            Suite.QuoteExpectation then = scenario.then().quote();
            String tier = tier(suite, scenario);
            String member = "member-" + tier.toLowerCase();
            // one catalog item per scenario: the suite reuses skus with other prices
            String sku = when.item().sku() + "-" + i;
            Map<String, Object> item = new HashMap<>();
            item.put("category", when.item().category());
            if (when.item().cashPrice() != null) {
                item.put("cashPrice", when.item().cashPrice());
            }
            if (when.item().attributes() != null) {
                item.put("attributes", when.item().attributes());
            }
            Mall.createItem(shop, sku, when.item().type(), when.item().basePoints(), item);
            if (then.discounts() != null) {
                families.addAll(then.discounts().keySet());
            }
            tests.add(DynamicTest.dynamicTest(scenario.name(), () -> {
                ensureMember(shop, member, tier);
                clock.travelTo(ScenarioFacts.instant(when.at(), zone));
                String body;
                try {
                    body = as(shop.integrator()).get("/merchants/" + shop.code() + "/members/" + member
                            + "/mall/items/" + sku + "/quote").then().statusCode(200).extract().asString();
                } finally {
                    clock.reset();
                }
                assertThat(body).as("numbers are written plainly (10, not 1E+1)").doesNotContain("E+");
                JsonPath quote = JsonPath.from(body);
                if (then.pointsPrice() != null) {
                    assertThat(quote.getLong("pointsPrice")).as("pointsPrice").isEqualTo(then.pointsPrice());
                }
                if (then.listPoints() != null) {
                    assertThat(quote.getLong("listPoints")).as("listPoints").isEqualTo(then.listPoints());
                }
                if (then.cashPart() != null) {
                    assertThat(new BigDecimal(quote.getString("cashPart"))).as("cashPart").isEqualByComparingTo(then.cashPart());
                }
                if (then.discounts() != null) {
                    Map<String, Long> observed = new LinkedHashMap<>();
                    List<Map<String, Object>> discounts = quote.getList("discounts");
                    for (Map<String, Object> d : discounts) {
                        observed.merge((String) d.get("family"), ((Number) d.get("pointsOff")).longValue(), Long::sum);
                        assertThat((String) d.get("reason")).as("every discount says why").isNotBlank();
                    }
                    assertThat(observed).as("discounts by family").isEqualTo(then.discounts());
                }
                if (then.pointsBack() != null) {
                    Map<String, Long> observed = new LinkedHashMap<>();
                    List<Map<String, Object>> back = quote.getList("pointsBackRules");
                    for (Map<String, Object> b : back) {
                        observed.merge((String) b.get("family"), ((Number) b.get("points")).longValue(), Long::sum);
                    }
                    assertThat(observed).as("points back by family").isEqualTo(then.pointsBack());
                    assertThat(quote.getLong("pointsBack")).as("points back in total")
                            .isEqualTo(then.pointsBack().values().stream().mapToLong(Long::longValue).sum());
                }
                if (then.options() != null) {
                    List<Map<String, Object>> options = quote.getList("options");
                    assertThat(options).as("options").hasSameSizeAs(then.options());
                    for (int k = 0; k < options.size(); k++) {
                        assertThat(((Number) options.get(k).get("points")).longValue()).isEqualTo(then.options().get(k).points());
                        assertThat(new BigDecimal(options.get(k).get("cash").toString()))
                                .isEqualByComparingTo(then.options().get(k).cash());
                        assertThat(options.get(k).get("option")).isEqualTo(k + 1);
                    }
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("the suite covers every discount family of the reference program", () ->
                assertThat(families).containsExactlyInAnyOrder("TIER_DISCOUNT", "LIMITED_TIME", "CLEARANCE")));
        return tests;
    }

    private static final Set<String> ENROLLED = ConcurrentHashMap.newKeySet();

    private static void ensureMember(Api.TestMerchant shop, String member, String tier) {
        if (ENROLLED.add(shop.code() + "/" + member)) {
            as(shop.integrator()).body(Map.of("tier", tier)).put("/merchants/" + shop.code() + "/members/" + member)
                    .then().statusCode(201);
        }
    }

    private static String tier(Suite suite, Suite.Scenario scenario) {
        if (scenario.given() != null && scenario.given().member() != null && scenario.given().member().tier() != null) {
            return scenario.given().member().tier();
        }
        return suite.defaults().member().tier();
    }
}
