package io.jifen.admin.security;

import io.jifen.admin.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static io.jifen.admin.support.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every merchant endpoint, called with every role's key of merchant A: on A's resources a role
 * outside the endpoint's roles gets 403 and an allowed one gets through; on merchant B's resources
 * every key of A gets 404 (or 403 when its role is not allowed at all). Platform endpoints refuse
 * merchant keys with 403. Each merchant runs the reference program and stores a suite that passes on it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyAndRolesWalkTest {
    private Api.TestMerchant a;
    private Api.TestMerchant b;

    /** Each merchant's webhook, by merchant code: what {w} in a path stands for. */
    private static final Map<String, Integer> WEBHOOKS = new ConcurrentHashMap<>();

    /** Each merchant's lottery prize, by merchant code: what {p} in a path stands for. */
    private static final Map<String, Integer> PRIZES = new ConcurrentHashMap<>();

    /** Each merchant's simulation run, by merchant code: what {s} in a path stands for. */
    private static final Map<String, Integer> SIMULATIONS = new ConcurrentHashMap<>();

    /**
     * One endpoint: method, path with {m} for the merchant code (and {w} its webhook), roles allowed,
     * body for the call and its content type (JSON unless named).
     */
    record Endpoint(String method, String path, Set<Role> roles, Function<Api.TestMerchant, Object> body,
                    String contentType) {
        Endpoint(String method, String path, Set<Role> roles, Function<Api.TestMerchant, Object> body) {
            this(method, path, roles, body, null);
        }

        String on(Api.TestMerchant merchant) {
            return path.replace("{m}", merchant.code()).replace("{w}", String.valueOf(WEBHOOKS.get(merchant.code())))
                    .replace("{p}", String.valueOf(PRIZES.get(merchant.code())))
                    .replace("{s}", String.valueOf(SIMULATIONS.get(merchant.code())));
        }
    }

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);

    static List<Endpoint> endpoints() {
        Function<Api.TestMerchant, Object> none = m -> null;
        Function<Api.TestMerchant, Object> purchase = m -> Map.of("transactionId", "walk-1", "memberId", "walker",
                "occurredAt", "2026-03-05T04:00:00Z", "total", "10.00",
                "lines", List.of(Map.of("sku", "A", "category", "grocery", "amount", "10.00")));
        Function<Api.TestMerchant, Object> event = m -> Map.of("transactionId", "walk-e1", "memberId", "walker",
                "type", "REVIEW", "occurredAt", "2026-03-05T04:00:00Z");
        return List.of(
                new Endpoint("GET", "/merchants/{m}", ALL, none),
                new Endpoint("PUT", "/merchants/{m}", EnumSet.of(Role.ADMIN), m -> merchantBody(m.code())),
                new Endpoint("GET", "/merchants/{m}/api-keys", EnumSet.of(Role.ADMIN), none),
                new Endpoint("POST", "/merchants/{m}/api-keys", EnumSet.of(Role.ADMIN), m -> Map.of("role", "QA")),
                new Endpoint("GET", "/merchants/{m}/audit", EnumSet.of(Role.ADMIN, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/me", ALL, none),
                new Endpoint("PUT", "/merchants/{m}/points-policy", EnumSet.of(Role.ADMIN, Role.MARKETING),
                        m -> merchantBody(m.code()).get("pointsPolicy")),
                new Endpoint("GET", "/merchants/{m}/activations", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/rule-versions", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/rule-versions/1", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/rule-versions/active", EnumSet.of(Role.MARKETING, Role.QA, Role.INTEGRATOR), none),
                new Endpoint("POST", "/merchants/{m}/rule-versions/1/activation", EnumSet.of(Role.MARKETING), none),
                new Endpoint("GET", "/merchants/{m}/rule-versions/1/rule-diff/1", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("POST", "/merchants/{m}/compilations", EnumSet.of(Role.MARKETING, Role.QA),
                        m -> Map.of("files", List.of(Map.of("name", "walk.drl", "content", "package walk;\n")))),
                new Endpoint("POST", "/merchants/{m}/draft-suite-runs", EnumSet.of(Role.MARKETING, Role.QA),
                        m -> Map.of("files", List.of(Map.of("name", "walk.drl", "content", "package walk;\n")))),
                new Endpoint("POST", "/merchants/{m}/draft-rule-diffs?against=1", EnumSet.of(Role.MARKETING, Role.QA),
                        m -> Map.of("files", List.of(Map.of("name", "walk.drl", "content", "package walk;\n")))),
                new Endpoint("GET", "/merchants/{m}/suites", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("PUT", "/merchants/{m}/suites/walk", EnumSet.of(Role.MARKETING, Role.QA),
                        m -> WALK_SUITE, "application/yaml"),
                new Endpoint("GET", "/merchants/{m}/suites/walk", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/suites/walk/revisions", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/suites/walk/revisions/1", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("POST", "/merchants/{m}/rule-versions/1/stored-suite-runs", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("POST", "/merchants/{m}/rule-versions/1/stored-comparisons/1", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("DELETE", "/merchants/{m}/suites/walk", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("PUT", "/merchants/{m}/members/walker", EnumSet.of(Role.INTEGRATOR), m -> Map.of()),
                new Endpoint("GET", "/merchants/{m}/members/walker", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/members/walker/statement", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("POST", "/merchants/{m}/purchases", EnumSet.of(Role.INTEGRATOR), purchase),
                new Endpoint("POST", "/merchants/{m}/events", EnumSet.of(Role.INTEGRATOR), event),
                new Endpoint("GET", "/merchants/{m}/transactions/walk-0", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("POST", "/merchants/{m}/dry-runs/purchases", EnumSet.of(Role.INTEGRATOR, Role.QA, Role.MARKETING), purchase),
                new Endpoint("POST", "/merchants/{m}/dry-runs/events", EnumSet.of(Role.INTEGRATOR, Role.QA, Role.MARKETING), event),
                new Endpoint("POST", "/merchants/{m}/refunds", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("refundId", "walk-r", "purchaseId", "walk-0", "amount", "0.10")),
                new Endpoint("POST", "/merchants/{m}/members/walker/adjustments", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("adjustmentId", "walk-adj", "points", 5, "reason", "walk")),
                new Endpoint("POST", "/merchants/{m}/members/walker/debits", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("debitId", "walk-debit", "points", 1, "reason", "walk")),
                new Endpoint("POST", "/merchants/{m}/members/walker/debits/walk-debit/cancellation", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("cancellationId", "walk-cancel", "reason", "walk")),
                new Endpoint("POST", "/merchants/{m}/transfers", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("transferId", "walk-t", "fromMemberId", "walker", "toMemberId", "walker", "points", 1)),
                new Endpoint("POST", "/merchants/{m}/members/walker/freeze", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("reason", "walk")),
                new Endpoint("POST", "/merchants/{m}/members/walker/unfreeze", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("reason", "walk")),
                new Endpoint("GET", "/merchants/{m}/members/walker/expiring", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/members/walker/tier-history", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/expiring", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/webhooks", EnumSet.of(Role.MARKETING), none),
                new Endpoint("POST", "/merchants/{m}/webhooks", EnumSet.of(Role.MARKETING),
                        m -> Map.of("url", "http://127.0.0.1:9/walk", "eventTypes", List.of("tier.changed"))),
                new Endpoint("GET", "/merchants/{m}/webhooks/{w}/deliveries", EnumSet.of(Role.MARKETING), none),
                new Endpoint("DELETE", "/merchants/{m}/webhooks/{w}", EnumSet.of(Role.MARKETING), none),
                new Endpoint("POST", "/merchants/{m}/mall/items", EnumSet.of(Role.MARKETING),
                        m -> Map.of("sku", "WALK-NEW", "name", "walk", "type", "SERVICE", "basePoints", 0)),
                new Endpoint("GET", "/merchants/{m}/mall/items", EnumSet.of(Role.MARKETING, Role.INTEGRATOR, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/mall/items/WALK", EnumSet.of(Role.MARKETING, Role.INTEGRATOR, Role.QA), none),
                new Endpoint("PUT", "/merchants/{m}/mall/items/WALK", EnumSet.of(Role.MARKETING),
                        m -> Map.of("name", "walk item", "type", "SERVICE", "basePoints", 0)),
                new Endpoint("POST", "/merchants/{m}/mall/items/WALK-SPIN/prizes/{p}/stock", EnumSet.of(Role.MARKETING),
                        m -> Map.of("change", 1)),
                new Endpoint("POST", "/merchants/{m}/mall/items/WALK-BOX/stock", EnumSet.of(Role.MARKETING),
                        m -> Map.of("change", 1)),
                new Endpoint("POST", "/merchants/{m}/mall/items/WALK-CODES/codes", EnumSet.of(Role.MARKETING),
                        m -> Map.of("generate", 2)),
                new Endpoint("GET", "/merchants/{m}/mall/items/WALK/draws", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/members/walker/mall/items", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/members/walker/mall/items/WALK/quote",
                        EnumSet.of(Role.INTEGRATOR, Role.QA, Role.MARKETING), none),
                new Endpoint("POST", "/merchants/{m}/members/walker/redemptions", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("redemptionId", "walk-red", "sku", "WALK")),
                new Endpoint("GET", "/merchants/{m}/members/walker/redemptions", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/redemptions/walk-r0", EnumSet.of(Role.INTEGRATOR, Role.QA), none),
                new Endpoint("POST", "/merchants/{m}/redemptions/walk-phys/shipment", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("carrier", "SF", "trackingNumber", "SF1")),
                new Endpoint("POST", "/merchants/{m}/redemptions/walk-phys/delivery", EnumSet.of(Role.INTEGRATOR), none),
                new Endpoint("POST", "/merchants/{m}/redemptions/walk-r0/cancellation", EnumSet.of(Role.INTEGRATOR),
                        m -> Map.of("cancellationId", "walk-c0", "reason", "walk")),
                new Endpoint("POST", "/merchants/{m}/simulations", EnumSet.of(Role.MARKETING, Role.QA),
                        m -> Map.of("candidateVersion", 1, "from", "2026-03-01T00:00:00Z", "to", "2026-03-08T00:00:00Z")),
                new Endpoint("GET", "/merchants/{m}/simulations", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/simulations/{s}", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("GET", "/merchants/{m}/simulations/{s}/report.csv", EnumSet.of(Role.MARKETING, Role.QA), none),
                new Endpoint("POST", "/merchants/{m}/simulations/{s}/cancellation", EnumSet.of(Role.MARKETING, Role.QA), none));
    }

    /** A stored suite that passes on the reference program: what {m}/suites/walk holds. */
    private static final String WALK_SUITE = """
            suite: walk
            scenarios:
              - name: a tier review runs
                when: {tier: {at: "2026-03-05T10:00"}}
                then: {}
            """;

    /** Runs inside the test factory: RestAssured knows the test port only once a test runs. */
    void twoMerchantsWithAMemberATransactionAWebhookAndMallOrdersEach() {
        a = merchantOnReferenceProgram();
        b = merchantOnReferenceProgram();
        for (Api.TestMerchant m : List.of(a, b)) {
            as(m.qa()).contentType("application/yaml").body(WALK_SUITE).put("/merchants/" + m.code() + "/suites/walk")
                    .then().statusCode(201);
            as(m.integrator()).body(Map.of("transactionId", "walk-0", "memberId", "walker", "occurredAt",
                            "2026-03-05T04:00:00Z", "total", "1.00"))
                    .post("/merchants/" + m.code() + "/purchases").then().statusCode(201);
            String items = "/merchants/" + m.code() + "/mall/items";
            as(m.marketing()).body(Map.of("sku", "WALK", "name", "walk", "type", "SERVICE", "basePoints", 0))
                    .post(items).then().statusCode(201);
            as(m.marketing()).body(Map.of("sku", "WALK-BOX", "name", "walk box", "type", "PHYSICAL", "basePoints", 0,
                    "stock", 10)).post(items).then().statusCode(201);
            as(m.marketing()).body(Map.of("sku", "WALK-CODES", "name", "walk codes", "type", "VIRTUAL", "basePoints", 0))
                    .post(items).then().statusCode(201);
            PRIZES.put(m.code(), as(m.marketing()).body(Map.of("sku", "WALK-SPIN", "name", "walk spin", "type", "LOTTERY",
                    "basePoints", 0, "prizes", List.of(Map.of("name", "walk prize", "probability", "0.5", "stock", 5))))
                    .post(items).then().statusCode(201).extract().<Integer>path("prizes[0].id"));
            as(m.integrator()).body(Map.of("redemptionId", "walk-r0", "sku", "WALK"))
                    .post("/merchants/" + m.code() + "/members/walker/redemptions").then().statusCode(201);
            as(m.integrator()).body(Map.of("redemptionId", "walk-phys", "sku", "WALK-BOX", "shippingAddress",
                    Map.of("recipient", "W", "phone", "1", "line1", "1 Road", "city", "Shanghai")))
                    .post("/merchants/" + m.code() + "/members/walker/redemptions").then().statusCode(201);
            SIMULATIONS.put(m.code(), as(m.qa()).body(Map.of("candidateVersion", 1, "from", "2026-03-01T00:00:00Z",
                            "to", "2026-03-08T00:00:00Z")).post("/merchants/" + m.code() + "/simulations")
                    .then().statusCode(202).extract().<Integer>path("id"));
            WEBHOOKS.put(m.code(), as(m.marketing()).body(Map.of("url", "http://127.0.0.1:9/walk", "eventTypes",
                    List.of("tier.changed"))).post("/merchants/" + m.code() + "/webhooks").then().statusCode(201)
                    .extract().<Integer>path("id"));
        }
    }

    @TestFactory
    List<DynamicTest> everyEndpointForEveryRoleOfMerchantA() {
        twoMerchantsWithAMemberATransactionAWebhookAndMallOrdersEach();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (Role role : Role.values()) {
                if (role == Role.ADMIN) {
                    tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " as platform ADMIN", () -> {
                        int status = call(e, asAdmin(), a);
                        if (!e.roles().contains(Role.ADMIN)) {
                            assertThat(status).isEqualTo(403);
                        } else {
                            assertThat(status).isNotIn(401, 403, 404);
                        }
                    }));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " as " + role + " of A", () -> {
                    int own = call(e, as(keyOf(a, role)), a);
                    int other = call(e, as(keyOf(a, role)), b);
                    if (e.roles().contains(role)) {
                        assertThat(own).as("%s on its own merchant", role).isNotIn(401, 403, 404).isLessThan(500);
                        assertThat(other).as("%s of A on merchant B", role).isEqualTo(404);
                    } else {
                        assertThat(own).as("%s outside its role", role).isEqualTo(403);
                        assertThat(other).as("%s outside its role, on B", role).isEqualTo(403);
                    }
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("the platform ADMIN runs the ledger jobs on demand", () -> {
            for (String job : List.of("expiry", "release", "tier-reviews")) {
                asAdmin().post("/platform/ledger-jobs/" + job).then().statusCode(200)
                        .body("job", Matchers.equalTo(job));
            }
        }));
        tests.add(DynamicTest.dynamicTest("merchant keys cannot create merchants or platform keys", () -> {
            for (Role role : List.of(Role.MARKETING, Role.INTEGRATOR, Role.QA)) {
                assertThat(as(keyOf(a, role)).body(merchantBody("nope")).post("/merchants").statusCode()).isEqualTo(403);
                assertThat(as(keyOf(a, role)).get("/merchants").statusCode()).isEqualTo(403);
                assertThat(as(keyOf(a, role)).body(Map.of()).post("/platform/api-keys").statusCode()).isEqualTo(403);
                assertThat(as(keyOf(a, role)).post("/platform/ledger-jobs/expiry").statusCode()).isEqualTo(403);
            }
        }));
        return tests;
    }

    private static int call(Endpoint e, RequestSpecification request, Api.TestMerchant merchant) {
        Object body = e.body().apply(merchant);
        if (body != null) {
            request = request.body(body);
        }
        if (e.contentType() != null) {
            request = request.contentType(e.contentType());
        }
        return request.request(e.method(), e.on(merchant)).statusCode();
    }

    private static String keyOf(Api.TestMerchant m, Role role) {
        return switch (role) {
            case MARKETING -> m.marketing();
            case INTEGRATOR -> m.integrator();
            case QA -> m.qa();
            case ADMIN -> ADMIN_KEY;
        };
    }
}
