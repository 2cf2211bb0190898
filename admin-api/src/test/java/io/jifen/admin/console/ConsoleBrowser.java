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
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every console browser test shares: Debian's chromium, headless, driven by Playwright against
 * the real service and PostgreSQL (the page is the one the Maven build put into
 * META-INF/resources/console); a merchant of its own per test class; a fresh browser context per test;
 * sign-in; and screenshots. Assertions are on what the page shows, with Playwright's auto-waiting
 * assertions (no sleeps).
 *
 * <p>Screenshots go to {@code target/console-screenshots/}; with {@code -Dconsole.update-docs=true}
 * also to {@code docs/console/}, the ones docs/console.md shows (not on every run: they hold
 * run-specific key ids and times, and would dirty the checkout).
 *
 * <p>The browser is not optional: when chromium is missing, the test fails saying how to install it
 * ({@code .ci/run} installs it), rather than skipping and letting the console go untested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowser {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("JIFEN_CHROMIUM", "/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL root;

    protected Page page;
    protected Shop shop;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private final List<Path> screenshotDirs = new ArrayList<>();

    /** A merchant of this test class, with a key for each role the console meets. */
    record Shop(String code, String marketing, String qa, String integrator) {
        String path(String rest) {
            return "/merchants/" + code + rest;
        }
    }

    /** The merchant this class's tests work on; called once, before the first test. */
    protected abstract Shop seed();

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

    /** A new merchant (Asia/Shanghai, CNY) with a MARKETING, a QA and an INTEGRATOR key. */
    static Shop newShop(String prefix) {
        return newShop(prefix, Map.of());
    }

    /** As {@link #newShop(String)}, with {@code morePolicy} added to the points policy (tiers, say). */
    static Shop newShop(String prefix, Map<String, Object> morePolicy) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> policy = new HashMap<>(Map.of("rounding", "DOWN", "stacking", "ADDITIVE",
                "expiry", Map.of("rule", "ROLLING_MONTHS", "months", 12), "accountCap", 1_000_000,
                "autoEnrol", true, "pointValue", "0.01"));
        policy.putAll(morePolicy);
        asAdmin().body(Map.of("code", code, "name", "Fresh Harbour Supermarkets", "timeZone", "Asia/Shanghai",
                        "currency", "CNY", "pointsPolicy", policy))
                .post("/merchants").then().statusCode(201);
        return new Shop(code, key(code, "MARKETING", "marketing desk"), key(code, "QA", "qa team"),
                key(code, "INTEGRATOR", "web shop"));
    }

    private static String key(String code, String role, String label) {
        return asAdmin().body(Map.of("role", role, "label", label)).post("/merchants/" + code + "/api-keys")
                .then().statusCode(201).extract().path("secret");
    }

    /** Uploads the reference program as a new version, each text file passed through {@code edit}. */
    static int upload(Shop shop, String description, UnaryOperator<RuleFile> edit) {
        List<Map<String, String>> files = ReferenceProgram.ruleSet().files().stream().map(edit).map((RuleFile f) ->
                f.name().endsWith(".xlsx") ? Map.of("name", f.name(), "encoding", "base64",
                        "content", Base64.getEncoder().encodeToString(f.content()))
                        : Map.of("name", f.name(), "content", f.text()))
                .toList();
        return as(shop.marketing()).body(Map.of("description", description, "files", files))
                .post(shop.path("/rule-versions")).then().statusCode(201).extract().path("number");
    }

    /** A purchase of one grocery line worth {@code total} posted by the shop's integrator (201). */
    static void purchase(Shop shop, String id, String member, String at, String total) {
        as(shop.integrator()).body(Map.of("transactionId", id, "memberId", member, "occurredAt", at, "total", total,
                        "lines", List.of(Map.of("sku", "RICE-5KG", "category", "grocery", "quantity", 1, "unitPrice", total))))
                .post(shop.path("/purchases")).then().statusCode(201);
    }

    static void activateNow(Shop shop, int version) {
        as(shop.marketing()).body("{}").post(shop.path("/rule-versions/" + version + "/activation"))
                .then().statusCode(200);
    }

    void signIn(String key) {
        page.navigate(root + "console"); // the bare path, as a user types it
        expect(page).hasURL(Pattern.compile("/console/#/sign-in$"));
        fillSignIn(shop.code(), key);
    }

    void fillSignIn(String merchant, String key) {
        page.getByLabel("Merchant code", new Page.GetByLabelOptions().setExact(true)).fill(merchant);
        page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(key);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    Locator testId(String id) {
        return page.getByTestId(id);
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    static PageAssertions expect(Page page) {
        return PlaywrightAssertions.assertThat(page);
    }

    /** The first compile in a fresh service builds Drools' classes: give it time. */
    static LocatorAssertions.HasTextOptions compiled() {
        return new LocatorAssertions.HasTextOptions().setTimeout(60_000);
    }

    static LocatorAssertions.ContainsTextOptions compiledContains() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
    }

    /** A line of the Edit page's code editor holding {@code text}. */
    Locator codeLine(String text) {
        return page.locator(".cm-line", new Page.LocatorOptions().setHasText(text));
    }

    /**
     * Replaces the editor line holding {@code old} by {@code text} (indented as in the file): a click on
     * the line, Alt+L (CodeMirror's "select line", with its line break), and the new line typed over it.
     */
    void replaceLine(String old, String text) {
        codeLine(old).click();
        page.keyboard().press("Alt+L");
        page.keyboard().insertText("    " + text + "\n");
        expect(codeLine(text)).hasText("    " + text);
    }

    /** The Edit page's live-compile status line. */
    Locator compileStatus() {
        return testId("compile-status");
    }

    void screenshot(String name) {
        for (Path dir : screenshotDirs) {
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
        }
    }
}
