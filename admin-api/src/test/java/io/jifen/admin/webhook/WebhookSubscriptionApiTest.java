package io.jifen.admin.webhook;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.*;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class WebhookSubscriptionApiTest {

    private static String hooks(Api.TestMerchant m) {
        return "/merchants/" + m.code() + "/webhooks";
    }

    @Test
    void marketingRegistersAWebhookForEveryEventAndSeesItsSecretOnlyOnce() {
        Api.TestMerchant shop = newMerchant();
        int id = as(shop.marketing()).body(Map.of("url", "https://crm.example.com/jifen")).post(hooks(shop))
                .then().statusCode(201)
                .body("url", equalTo("https://crm.example.com/jifen"))
                .body("eventTypes", contains("*"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9_-]{43}"))
                .body("notice", containsString("shown once"))
                .extract().path("id");
        as(shop.marketing()).get(hooks(shop)).then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0]", not(hasKey("secret")))
                .body("items[0].eventTypes", contains("*"))
                .body("items[0].disabledAt", nullValue())
                .body("items[0].createdBy", startsWith("key_"));
        asAdmin().get("/merchants/" + shop.code() + "/audit").then()
                .body("items.find { it.action == 'webhook.created' }.target", equalTo("webhook/" + id))
                .body("items.find { it.action == 'webhook.created' }.details", containsString("https://crm.example.com/jifen"))
                .body("items.details", everyItem(not(containsString("whsec_"))));
    }

    @Test
    void twoWebhooksGetDifferentSecretsAndASubscriptionNamesItsEventTypes() {
        Api.TestMerchant shop = newMerchant();
        String first = as(shop.marketing()).body(Map.of("url", "http://crm.example.com/a", "eventTypes",
                        List.of("tier.changed", "balance.threshold-crossed", "tier.changed")))
                .post(hooks(shop)).then().statusCode(201)
                .body("eventTypes", contains("tier.changed", "balance.threshold-crossed"))
                .extract().path("secret");
        as(shop.marketing()).body(Map.of("url", "http://crm.example.com/b")).post(hooks(shop))
                .then().statusCode(201).body("secret", not(equalTo(first)));
    }

    @Test
    void aUrlIntoThisMachineOrAPrivateNetworkIsRefusedNamingTheField() {
        Api.TestMerchant shop = newMerchant();
        // the tests allow 127.0.0.0/8 (their receivers), nothing else
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook",
                "https://192.168.1.10:8443/x", "http://[::1]:8080/x", "http://[::ffff:10.0.0.1]/x", "http://0.0.0.0:5432/")) {
            as(shop.marketing()).body(Map.of("url", url)).post(hooks(shop)).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", contains("url"))
                    .body("errors[0].message", containsString("must reach a public address"));
        }
        as(shop.marketing()).get(hooks(shop)).then().statusCode(200).body("items", Matchers.empty());
    }

    @Test
    void aUrlThatIsNotHttpOrAnUnknownEventTypeIsRefusedNamingTheField() {
        Api.TestMerchant shop = newMerchant();
        for (String url : List.of("ftp://crm.example.com/x", "crm.example.com/x", "/relative", "http://", "not a url",
                "https://user:pw@crm.example.com/x")) {
            as(shop.marketing()).body(Map.of("url", url)).post(hooks(shop)).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", contains("url"));
        }
        as(shop.marketing()).body(Map.of("eventTypes", List.of("points.earned"))).post(hooks(shop))
                .then().statusCode(422).body("errors.field", contains("url"));
        as(shop.marketing()).body(Map.of("url", "https://crm.example.com/x", "eventTypes",
                        List.of("points.earned", "points.stolen")))
                .post(hooks(shop)).then().statusCode(422)
                .body("errors.field", contains("eventTypes[1]"))
                .body("errors[0].message", containsString("tier.changed"));
        as(shop.marketing()).body(Map.of("url", "https://crm.example.com/x", "eventTypes", List.of()))
                .post(hooks(shop)).then().statusCode(422).body("errors.field", contains("eventTypes"));
        as(shop.marketing()).body(Map.of("url", "https://crm.example.com/x", "secret", "mine"))
                .post(hooks(shop)).then().statusCode(400).body("errors.field", contains("secret"));
        as(shop.marketing()).get(hooks(shop)).then().body("items", empty());
    }

    @Test
    void disablingAWebhookKeepsItListedAsDisabledAndIsAuditedOnce() {
        Api.TestMerchant shop = newMerchant();
        int id = as(shop.marketing()).body(Map.of("url", "https://crm.example.com/jifen")).post(hooks(shop))
                .then().statusCode(201).extract().path("id");
        as(shop.marketing()).delete(hooks(shop) + "/" + id).then().statusCode(204);
        as(shop.marketing()).delete(hooks(shop) + "/" + id).then().statusCode(204);
        as(shop.marketing()).get(hooks(shop)).then().body("items[0].disabledAt", notNullValue());
        as(shop.marketing()).get(hooks(shop) + "/" + id + "/deliveries").then().statusCode(200).body("items", empty());
        asAdmin().get("/merchants/" + shop.code() + "/audit").then()
                .body("items.findAll { it.action == 'webhook.disabled' }.target", contains("webhook/" + id));
        as(shop.marketing()).delete(hooks(shop) + "/999999999").then().statusCode(404)
                .contentType("application/problem+json");
        as(shop.marketing()).delete(hooks(shop) + "/abc").then().statusCode(404);
    }

    @Test
    void onlyMarketingManagesWebhooksAndAnotherMerchantsWebhooksAreNotFound() {
        Api.TestMerchant a = newMerchant();
        Api.TestMerchant b = newMerchant();
        int ofB = as(b.marketing()).body(Map.of("url", "https://b.example.com/hook")).post(hooks(b))
                .then().statusCode(201).extract().path("id");
        for (String key : List.of(a.integrator(), a.qa(), ADMIN_KEY)) {
            as(key).body(Map.of("url", "https://a.example.com/hook")).post(hooks(a)).then().statusCode(403);
            as(key).get(hooks(a)).then().statusCode(403);
        }
        // a's marketing key on b's merchant, and on b's webhook through a's merchant
        as(a.marketing()).get(hooks(b)).then().statusCode(404);
        as(a.marketing()).body(Map.of("url", "https://a.example.com/hook")).post(hooks(b)).then().statusCode(404);
        as(a.marketing()).delete(hooks(b) + "/" + ofB).then().statusCode(404);
        as(a.marketing()).get(hooks(b) + "/" + ofB + "/deliveries").then().statusCode(404);
        as(a.marketing()).delete(hooks(a) + "/" + ofB).then().statusCode(404);
        as(a.marketing()).get(hooks(a) + "/" + ofB + "/deliveries").then().statusCode(404);
        as(b.marketing()).get(hooks(b)).then().body("[0].disabledAt", nullValue());
    }
}
