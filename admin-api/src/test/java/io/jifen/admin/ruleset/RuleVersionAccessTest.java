package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static io.jifen.admin.ruleset.RuleVersionFixtures.*;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule-version endpoint added for the lifecycle: 404 for another merchant's key, 403 for a key of the wrong role. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class RuleVersionAccessTest {
    static final String SUITE = """
            suite: s
            zone: Asia/Shanghai
            scenarios:
              - name: one
                when: {purchase: {at: "2026-03-05T10:00", total: 10.00}}
                then: {totalPoints: 10}
            """;

    record Call(String label, BiFunction<String, String, Response> send) {
    }

    /** (key, base url) → response, for each new endpoint. */
    static List<Call> calls() {
        return List.of(
                new Call("multipart upload", (key, base) -> as(key).contentType("multipart/form-data")
                        .multiPart("file", "x.drl", earnDrl(61).getBytes(), "text/plain").post(base)),
                new Call("list files", (key, base) -> as(key).get(base + "/1/files")),
                new Call("download a file", (key, base) -> as(key).get(base + "/1/files/earning.drl")),
                new Call("diff", (key, base) -> as(key).get(base + "/1/diff/2")),
                new Call("suite run", (key, base) -> yaml(key).post(base + "/1/suite-runs")),
                new Call("comparison", (key, base) -> yaml(key).post(base + "/1/comparisons/2")),
                new Call("cancel activation", (key, base) -> as(key).delete(base + "/2/activation")));
    }

    static RequestSpecification yaml(String key) {
        return as(key).contentType("application/yaml").body(SUITE);
    }

    @Test
    void anotherMerchantsKeyGets404AndAnIntegratorKeyGets403OnEveryNewEndpoint() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        uploadDrl(shop, 1);
        uploadDrl(shop, 2);
        as(shop.marketing()).body(Map.of("at", Instant.now().plusSeconds(3600).toString()))
                .post("/merchants/" + shop.code() + "/rule-versions/2/activation").then().statusCode(202);
        String base = "/merchants/" + shop.code() + "/rule-versions";
        for (Call call : calls()) {
            boolean marketingOnly = call.label().equals("multipart upload") || call.label().equals("cancel activation");
            assertThat(call.send().apply(other.marketing(), base).statusCode()).as(call.label() + " by another merchant")
                    .isEqualTo(404);
            // the role is checked before the merchant: another merchant's QA key is refused by role first
            assertThat(call.send().apply(other.qa(), base).statusCode()).as(call.label() + " by another merchant's QA")
                    .isEqualTo(marketingOnly ? 403 : 404);
            assertThat(call.send().apply(shop.integrator(), base).statusCode()).as(call.label() + " by an integrator")
                    .isEqualTo(403);
        }
        // and none of those attempts changed anything
        as(shop.qa()).get(base).then().body("items.size()", Matchers.equalTo(2));
        assertThat(status(shop, 2)).isEqualTo("SCHEDULED");
    }

    @Test
    void qaMayReadAndRunSuitesButNotUploadOrCancel() {
        Api.TestMerchant shop = newMerchant();
        uploadDrl(shop, 1);
        uploadDrl(shop, 2);
        String base = "/merchants/" + shop.code() + "/rule-versions";
        for (Call call : calls()) {
            boolean writes = call.label().equals("multipart upload") || call.label().equals("cancel activation");
            int status = call.send().apply(shop.qa(), base).statusCode();
            if (writes) {
                assertThat(status).as(call.label() + " by QA").isEqualTo(403);
            } else {
                assertThat(status).as(call.label() + " by QA").isEqualTo(200);
            }
        }
    }
}
