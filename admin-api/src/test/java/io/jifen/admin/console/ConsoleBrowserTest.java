package io.jifen.admin.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static io.jifen.admin.support.Api.ADMIN_KEY;
import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The console's shell in a real browser: sign-in and its refusals, the program overview and the points
 * policy, the two languages, and what the service itself does for the console.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest extends ConsoleBrowser {
    /**
     * A merchant as the overview shows one mid-life: version 1 live, version 2 a draft whose scheduled
     * activation was cancelled, version 3 scheduled for a year from now.
     */
    @Override
    protected Shop seed() {
        Shop shop = newShop("harbour");
        int v1 = upload(shop, "reference program", f -> f);
        int v2 = upload(shop, "spring campaign draft", withNote("// spring campaign draft\n"));
        int v3 = upload(shop, "year-end campaign", withNote("// year-end campaign\n"));
        activateNow(shop, v1);
        String code = shop.code();
        String inAYear = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        as(shop.marketing()).body(Map.of("at", inAYear))
                .post("/merchants/" + code + "/rule-versions/" + v2 + "/activation").then().statusCode(202);
        as(shop.marketing()).delete("/merchants/" + code + "/rule-versions/" + v2 + "/activation").then().statusCode(200);
        as(shop.marketing()).body(Map.of("at", inAYear))
                .post("/merchants/" + code + "/rule-versions/" + v3 + "/activation").then().statusCode(202);
        return shop;
    }

    /** earning.drl ending with {@code note} (a comment: a new version, same rules). */
    private static UnaryOperator<RuleFile> withNote(String note) {
        return f -> f.name().equals("earning.drl") ? RuleFile.text(f.name(), f.text() + note) : f;
    }

    @Test
    void marketingSeesTheLiveVersionAndChangesThePolicy() {
        signIn(shop.marketing());
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Program overview"))).isVisible();
        expect(testId("live-version")).hasText("Version 1");
        expect(page.getByText("reference program").first()).isVisible();
        expect(testId("scheduled")).containsText("Version 3");
        expect(testId("versions").locator("tbody tr")).hasCount(3);
        expect(testId("versions")).containsText("Draft");
        expect(testId("versions")).containsText("Scheduled");
        expect(testId("activations")).containsText("Cancelled");
        expect(testId("activations")).containsText("Pending");
        expect(testId("activations")).containsText("(you)"); // the marketing key made them
        expect(testId("policy-accountCap")).hasText("1,000,000");
        expect(testId("policy-expiry")).hasText("Months after they were earned (12)");
        screenshot("overview-marketing");

        testId("policy-edit").click();
        page.getByLabel("Account cap (points)", new Page.GetByLabelOptions().setExact(true)).fill("2000000");
        screenshot("policy-edit");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save policy")).click();
        expect(testId("policy-saved")).hasText("Points policy saved.");
        expect(testId("policy-accountCap")).hasText("2,000,000");
        // saved on the server, not only shown
        as(shop.qa()).get("/merchants/" + shop.code()).then().body("pointsPolicy.accountCap", equalTo(2_000_000))
                .body("pointsPolicy.pointValue", equalTo("0.01")); // the whole policy is sent: the point value survives
        expect(testId("policy-pointValue")).hasText("0.01");

        // a 422 from the API, shown as sentences next to the field it names
        testId("policy-edit").click();
        page.getByLabel("Expiry months", new Page.GetByLabelOptions().setExact(true)).fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save policy")).click();
        expect(testId("problem")).containsText("The request was refused");
        expect(testId("problem")).containsText("Invalid request");
        expect(testId("problem")).containsText("expiry.months");
        expect(page.locator("#err-expiryMonths")).not().isEmpty();
        expect(page.getByLabel("Expiry months", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        screenshot("policy-error");
        as(shop.qa()).get("/merchants/" + shop.code()).then().body("pointsPolicy.expiry.months", equalTo(12));

        // the key is in this tab's sessionStorage only: not in the URL, not in localStorage
        assertThat(page.url()).doesNotContain(shop.marketing());
        assertThat((String) page.evaluate("() => sessionStorage.getItem('jifen.console.session')")).contains(shop.marketing());
        assertThat((String) page.evaluate("() => JSON.stringify(localStorage)")).doesNotContain(shop.marketing());
    }

    @Test
    void qaReadsTheOverviewByKeyboardButCannotEditThePolicy() {
        page.navigate(root + "console/");
        // keyboard only: the merchant field, Tab to the key, Enter submits
        page.getByLabel("Merchant code", new Page.GetByLabelOptions().setExact(true)).focus();
        page.keyboard().type(shop.code());
        page.keyboard().press("Tab");
        expect(page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true))).isFocused();
        page.keyboard().type(shop.qa());
        page.keyboard().press("Enter");

        expect(testId("live-version")).hasText("Version 1");
        expect(testId("who")).containsText("QA");
        expect(testId("policy-accountCap")).isVisible();
        expect(page.getByText("Only marketing can change the policy.")).isVisible();
        expect(testId("policy-edit")).hasCount(0);
        expect(testId("nav-members")).isVisible(); // QA reads members
        expect(testId("nav-edit")).hasCount(0);    // and does not edit rules
        screenshot("overview-qa");

        testId("nav-members").click();
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("Member lookup"))))
                .isFocused(); // focus moves to the new page's heading
        expect(page.getByLabel("Member id", new Page.GetByLabelOptions().setExact(true))).isVisible();
    }

    @Test
    void aWrongKeyAnIntegratorKeyAndAWrongMerchantGetReadableMessages() {
        page.navigate(root + "console/");
        expect(page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true))).isEmpty();
        screenshot("sign-in");
        fillSignIn(shop.code(), "jf_this-is-not-a-key");
        expect(testId("problem")).containsText("The API key was not accepted");
        expect(testId("problem")).containsText("Unauthorized: the API key is unknown or revoked");
        assertThat(testId("problem").innerText()).doesNotContain("{").doesNotContain("\"status\"");
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        screenshot("sign-in-error");

        fillSignIn(shop.code(), shop.integrator());
        expect(testId("problem")).containsText("This is an INTEGRATOR key");

        fillSignIn("no-such-merchant", shop.marketing());
        expect(testId("problem")).containsText("No merchant with that code is open to this key.");
        expect(page).hasURL(Pattern.compile("#/sign-in$"));
    }

    @Test
    void theLabelsSwitchToChineseAndStaySoAfterAReload() {
        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");
        page.getByLabel("Language").selectOption("zh");
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("方案概览"))).isVisible();
        expect(testId("live-version")).hasText("版本 1");
        expect(testId("nav-edit")).containsText("编辑规则");
        expect(testId("nav-edit")).not().containsText("即将推出");
        expect(testId("nav-campaigns")).hasText("营销活动"); // a page now, no "coming next" marker
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("积分政策"))).isVisible();
        expect(testId("policy-edit")).hasText("编辑政策");
        expect(testId("policy-autoEnrol")).hasText("是");
        expect(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出"))).isVisible();
        screenshot("overview-zh");

        page.reload();
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("方案概览"))).isVisible();
        expect(page.locator("html")).hasAttribute("lang", "zh-CN");
        page.getByLabel("语言").selectOption("en");
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Program overview"))).isVisible();
    }

    @Test
    void aPlatformAdminIssuesAKeyThatWorksRevokesItAndReadsBothInTheAuditLog() {
        signIn(ADMIN_KEY);
        expect(heading("Platform")).isVisible();
        expect(testId("platform-intro")).containsText("platform ADMIN key");
        expect(testId("nav-overview")).hasCount(0);
        expect(testId("merchants")).containsText(shop.code());
        // the signed-in merchant is opened at once
        expect(heading("API keys of " + shop.code())).isVisible();
        expect(testId("key-row")).hasCount(3);

        page.getByLabel("Role").selectOption("QA");
        field("Label").fill("night shift QA");
        button("Issue a key").click();
        expect(testId("issued-secret")).containsText("Copy it now");
        String secret = testId("issued-secret").locator("code").innerText().trim();
        expect(testId("key-row")).hasCount(4);
        screenshot("platform");
        // the key shown works, as the role chosen
        as(secret).get("/merchants/" + shop.code() + "/me").then().statusCode(200).body("role", equalTo("QA"));
        String keyId = as(secret).get("/merchants/" + shop.code() + "/me").then().extract().path("keyId");

        page.onceDialog(dialog -> dialog.accept()); // "Revoke key …? Whatever uses it stops working at once."
        button("Revoke " + keyId).click();
        expect(testId("key-row").filter(new Locator.FilterOptions().setHasText(keyId)))
                .containsText("revoked");
        as(secret).get("/merchants/" + shop.code() + "/me").then().statusCode(401);
        expect(testId("audit")).containsText("api-key.issued");
        expect(testId("audit")).containsText("api-key.revoked");
        expect(testId("audit")).containsText("label=night shift QA");

        button("Sign out").click();
        expect(heading("Sign in")).isVisible();
        assertThat(page.evaluate("() => sessionStorage.getItem('jifen.console.session')")).isNull();
    }

    @Test
    void aPlatformAdminOpensANewMerchant() {
        signIn(ADMIN_KEY);
        button("New merchant").click();
        String code = "new-shop-" + UUID.randomUUID().toString().substring(0, 6);
        field("Merchant code").fill("Not A Code");
        field("Name").fill("Bright Minds Online School");
        field("Time zone").fill("Asia/Shanghai");
        button("Create the merchant").click();
        expect(testId("problem")).containsText("code");
        expect(testId("problem")).containsText("lower-case letters");

        field("Merchant code").fill(code);
        button("Create the merchant").click();
        expect(heading("API keys of " + code)).isVisible();
        expect(testId("merchants")).containsText("Bright Minds Online School");
        asAdmin().get("/merchants/" + code).then().statusCode(200).body("timeZone", equalTo("Asia/Shanghai"))
                .body("pointsPolicy.expiry.months", equalTo(12));
    }

    /** No browser needed: what the service itself does for the console. */
    @Test
    void theBarePathRedirectsThePageIsRevalidatedAndEveryAssetIsServedByTheService() {
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", endsWith("/console/"));
        String html = given().get("/console/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache").extract().asString();
        assertThat(html).contains("<div id=\"app\">");
        // nothing from a CDN: every script and stylesheet is one of ours, under /console/assets/
        List<String> assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html).results()
                .map(r -> r.group(1)).toList();
        assertThat(assets).isNotEmpty().allMatch(a -> a.startsWith("/console/assets/"), "served by the service");
        for (String asset : assets) {
            given().get(asset).then().statusCode(200).header("Cache-Control", containsString("immutable"));
        }
        given().get("/console/assets/no-such-file.js").then().statusCode(404);
    }
}
