package io.jifen.admin.webhook;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.jifen.admin.support.Api.*;
import static org.hamcrest.Matchers.*;

/**
 * Registration refuses every way of writing an address inside this machine or its networks — the
 * forms delivery would refuse too, since both run one check (issue 11, part 7). Run with no network
 * allowed: the other tests allow 127.0.0.0/8 for their receivers, under which loopback forms pass.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestProfile(WebhookInternalAddressFormsTest.NoPrivateNetworkAllowed.class)
class WebhookInternalAddressFormsTest {
    public static class NoPrivateNetworkAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jifen.webhooks.allowed-private-networks", "");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1%25lo]/", "http://[fe80::1%25lo]/", "http://[::ffff:127.0.0.1%25lo]/",
            "http://localhost./", "http://localhost.:8080/x", "http://0x7f000001/", "http://0x7f.0.0.1/",
            "http://0177.0.0.1/", "http://2130706433/", "http://127.1/", "https://127.0.0.1./x", "http://[::127.0.0.1]/"})
    void anInternalAddressInAnyFormIsRefusedNamingTheUrl(String url) {
        Api.TestMerchant shop = newMerchant();
        as(shop.marketing()).body(Map.of("url", url)).post("/merchants/" + shop.code() + "/webhooks").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("url"))
                .body("errors[0].message", startsWith("must reach a public address"));
        as(shop.marketing()).get("/merchants/" + shop.code() + "/webhooks").then().statusCode(200).body("items", empty());
    }
}
