package io.jifen.admin.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The console in a real browser (Debian's chromium, headless, driven by Playwright) against the real
 * service and PostgreSQL: the page is the one the Maven build put into META-INF/resources/console.
 * Assertions are on what the page shows, with Playwright's auto-waiting assertions (no sleeps).
 *
 * <p>Screenshots of every page go to {@code target/console-screenshots/}; with
 * {@code -Dconsole.update-docs=true} also to {@code docs/console/}, the ones docs/console.md
 * shows (not on every run: they hold run-specific key ids and times, and would dirty the checkout).
 *
 * <p>The browser is not optional: when chromium is missing, this test fails saying how to install it
 * ({@code .ci/run} installs it), rather than skipping and letting the console go untested.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("JIFEN_CHROMIUM", "/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL root;

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private Shop shop;
    private final List<Path> screenshotDirs = new ArrayList<>();

    record Shop(String code, String marketing, String qa, String integrator) {
    }

    @BeforeAll
    void startBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the console's browser test needs chromium at %s: install it with `apt-get install chromium` "
                        + "(.ci/run does), or point JIFEN_CHROMIUM at a Chromium binary", CHROMIUM)
                .isTrue();
        // Playwright's own browser download is off: the machine's chromium is the browser under test
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")));
        screenshotDirs.add(Files.createDirectories(Path.of("target", "console-screenshots")));
        if (Boolean.getBoolean("console.update-docs")) {
            screenshotDirs.add(Files.createDirectories(Path.of("..", "docs", "console")));
        }
    }

    /**
     * A merchant as the overview shows one mid-life: version 1 live, version 2 a draft whose scheduled
     * activation was cancelled, version 3 scheduled for a year from now.
     */
    private static Shop seed() {
        String code = "harbour-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin().body(Map.of("code", code, "name", "Fresh Harbour Supermarkets", "timeZone", "Asia/Shanghai",
                        "currency", "CNY", "pointsPolicy", Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                                "expiry", Map.of("rule", "ROLLING_MONTHS", "months", 12), "accountCap", 1_000_000,
                                "autoEnrol", true)))
                .post("/merchants").then().statusCode(201);
        Shop shop = new Shop(code, key(code, "MARKETING", "marketing desk"), key(code, "QA", "qa team"),
                key(code, "INTEGRATOR", "web shop"));
        int v1 = upload(shop, "reference program", "");
        int v2 = upload(shop, "spring campaign draft", "// spring campaign draft\n");
        int v3 = upload(shop, "year-end campaign", "// year-end campaign\n");
        as(shop.marketing()).body("{}").post("/merchants/" + code + "/rule-versions/" + v1 + "/activation")
                .then().statusCode(200);
        String inAYear = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        as(shop.marketing()).body(Map.of("at", inAYear))
                .post("/merchants/" + code + "/rule-versions/" + v2 + "/activation").then().statusCode(202);
        as(shop.marketing()).delete("/merchants/" + code + "/rule-versions/" + v2 + "/activation").then().statusCode(200);
        as(shop.marketing()).body(Map.of("at", inAYear))
                .post("/merchants/" + code + "/rule-versions/" + v3 + "/activation").then().statusCode(202);
        return shop;
    }

    private static String key(String code, String role, String label) {
        return asAdmin().body(Map.of("role", role, "label", label)).post("/merchants/" + code + "/api-keys")
                .then().statusCode(201).extract().path("secret");
    }

    /** The reference program, its earning.drl ending with {@code note} (a comment: a new version, same rules). */
    private static int upload(Shop shop, String description, String note) {
        List<Map<String, String>> files = ReferenceProgram.ruleSet().files().stream().map((RuleFile f) ->
                f.name().endsWith(".xlsx") ? Map.of("name", f.name(), "encoding", "base64",
                        "content", Base64.getEncoder().encodeToString(f.content()))
                        : Map.of("name", f.name(), "content", f.name().equals("earning.drl") ? f.text() + note : f.text()))
                .toList();
        return as(shop.marketing()).body(Map.of("description", description, "files", files))
                .post("/merchants/" + shop.code() + "/rule-versions").then().statusCode(201).extract().path("number");
    }

    @BeforeEach
    void newBrowserContext() {
        if (shop == null) {
            shop = seed(); // here, not in @BeforeAll: RestAssured knows the test port only once a test runs
        }
        // a context per test: its own sessionStorage and localStorage, so no sign-in or language leaks across tests
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
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
        as(shop.qa()).get("/merchants/" + shop.code()).then().body("pointsPolicy.accountCap", equalTo(2_000_000));

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
        expect(testId("coming-next")).hasText("Coming next");
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
        expect(testId("nav-edit")).containsText("即将推出");
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
    void everyPlannedPageIsAMarkedPlaceholder() {
        signIn(shop.marketing());
        expect(testId("live-version")).hasText("Version 1");
        Map<String, String> pages = Map.of("edit", "Edit rules", "compare", "Compare versions", "test", "Test suites",
                "tryIt", "Try it", "release", "Release", "impact", "Impact simulation", "campaigns", "Campaigns");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            testId("nav-" + p.getKey()).click();
            expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(p.getValue());
            expect(testId("coming-next")).hasText("Coming next");
            if (p.getKey().equals("edit")) {
                screenshot("placeholder-edit");
            }
        }
        testId("nav-overview").click();
        expect(testId("live-version")).hasText("Version 1");
    }

    @Test
    void aPlatformAdminKeySeesThePlatformPlaceholder() {
        signIn(ADMIN_KEY);
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Platform"))))
                .isVisible();
        expect(testId("platform-placeholder")).containsText("platform ADMIN key");
        expect(testId("nav-overview")).hasCount(0);
        screenshot("platform");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        expect(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(page.evaluate("() => sessionStorage.getItem('jifen.console.session')")).isNull();
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

    private void signIn(String key) {
        page.navigate(root + "console"); // the bare path, as a user types it
        expect(page).hasURL(Pattern.compile("/console/#/sign-in$"));
        fillSignIn(shop.code(), key);
    }

    private void fillSignIn(String merchant, String key) {
        page.getByLabel("Merchant code", new Page.GetByLabelOptions().setExact(true)).fill(merchant);
        page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(key);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private Locator testId(String id) {
        return page.getByTestId(id);
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    private static PageAssertions expect(Page page) {
        return PlaywrightAssertions.assertThat(page);
    }

    private void screenshot(String name) {
        for (Path dir : screenshotDirs) {
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
        }
    }
}
