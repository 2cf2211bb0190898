package io.jifen.admin.console;

import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/**
 * Marketing defines, in a real browser, a campaign for members in Shanghai and Hangzhou who joined in the app:
 * the form's rows of attribute conditions, a condition without values refused at its row, the campaign's page
 * saying its audience, and the rows back in the form when it is edited, in English and Chinese.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignAudienceBrowserTest extends ConsoleBrowser {
    @Override
    protected Shop seed() {
        Shop shop = newShop("audience", Map.of("tiers", Map.of("order", List.of("REGULAR", "SILVER", "GOLD"),
                "periodMonths", 12)));
        activateNow(shop, upload(shop, "reference program", f -> f));
        return shop;
    }

    @Test
    void marketingDefinesACampaignForShanghaiAndHangzhouAppMembersAndSeesAConditionWithoutValuesRefusedAtItsRow() {
        signIn(shop.marketing());
        testId("nav-campaigns").click();
        testId("campaign-create").click();
        expect(heading("New campaign")).isVisible();
        field("Code").fill("delta-spring");
        field("Name").fill("Yangtze delta spring");
        field("Starts at").fill("2030-03-01T00:00");
        field("Ends at").fill("2030-04-01T00:00");
        testId("attribute-add").click();
        testId("attribute-add").click();
        page.locator("#cf-attr-name-0").fill("city");
        page.locator("#cf-attr-values-0").fill("Shanghai, Hangzhou");
        page.locator("#cf-attr-name-1").fill("channel");
        button("Save the campaign").click();

        // the service refuses the condition without values, and the form shows it at that row
        expect(testId("problem")).containsText("The request was refused");
        expect(testId("error-attr-1")).hasText("must list at least one accepted value");
        expect(page.locator("#cf-attr-values-1")).hasAttribute("aria-invalid", "true");
        expect(testId("error-attr-0")).hasCount(0);
        screenshot("campaign-form-attribute-error");
        as(shop.qa()).get(shop.path("/campaigns/delta-spring")).then().statusCode(404);

        page.locator("#cf-attr-values-1").fill("APP，MINI_PROGRAM");
        button("Save the campaign").click();
        expect(testId("campaign-saved")).hasText("Campaign delta-spring saved.");
        // conditions are kept by attribute name
        expect(testId("campaign-audience")).hasText("channel: APP, MINI_PROGRAM · city: Shanghai, Hangzhou");
        as(shop.qa()).get(shop.path("/campaigns/delta-spring")).then().statusCode(200)
                .body("audience.attributes.city", contains("Shanghai", "Hangzhou"))
                .body("audience.attributes.channel", contains("APP", "MINI_PROGRAM"));

        // edited: the rows come back; one removed
        testId("campaign-edit").click();
        expect(page.locator("#cf-attr-name-0")).hasValue("channel");
        expect(page.locator("#cf-attr-values-1")).hasValue("Shanghai, Hangzhou");
        button("Remove attribute condition 1").click();
        button("Save the campaign").click();
        expect(testId("campaign-audience")).hasText("city: Shanghai, Hangzhou");
        Map<String, Object> attributes = as(shop.qa()).get(shop.path("/campaigns/delta-spring")).then().statusCode(200)
                .extract().path("audience.attributes");
        assertThat(attributes).containsOnlyKeys("city");

        page.getByLabel("Language").selectOption("zh");
        expect(testId("campaign-audience")).hasText("city：Shanghai, Hangzhou");
        testId("campaign-edit").click();
        expect(testId("attribute-conditions")).containsText("会员属性");
        expect(page.locator("#cf-attr-values-0")).hasValue("Shanghai, Hangzhou");
    }
}
