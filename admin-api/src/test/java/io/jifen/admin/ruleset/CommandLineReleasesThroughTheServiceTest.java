package io.jifen.admin.ruleset;

import io.jifen.admin.suite.StoredSuiteFixtures;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.cli.JifenProcess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the {@code jifen} command line's online commands against the real service. The test service
 * runs here (its HTTP port, its schema); the command line runs as a process, from the jar the build made
 * ({@code engine/cli/target/jifen.jar}, built before these tests: admin-api depends on it), with the API key
 * in its environment as a person would set it.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class CommandLineReleasesThroughTheServiceTest {
    @TempDir
    Path dir;

    @Test
    void marketingPushesADraftQaRunsTheStoredSuitesOnItComparesItAndTheGateDecidesItsActivation() throws IOException {
        Api.TestMerchant shop = Api.newMerchant();
        StoredSuiteFixtures.store(shop, "baskets", StoredSuiteFixtures.BASKETS);
        Path onePoint = rules("one-point", RuleVersionFixtures.earnDrl(1));
        Path twoPoints = rules("two-points", RuleVersionFixtures.earnDrl(2));

        JifenProcess.Result first = jifen(shop.marketing(), shop, "push", onePoint.toString(), "--description", "one point per yuan");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("stored as version 1 (DRAFT), 1 files");
        JifenProcess.Result again = jifen(shop.marketing(), shop, "push", onePoint.toString());
        assertThat(again.stdout()).as(again.toString()).contains("identical to version 1 (DRAFT)");
        assertThat(jifen(shop.marketing(), shop, "push", twoPoints.toString()).stdout()).contains("stored as version 2");

        JifenProcess.Result passing = jifen(shop.qa(), shop, "suites", "run", "1");
        assertThat(passing.exitCode()).as(passing.toString()).isZero();
        assertThat(passing.stdout()).contains("PASS a 120-yuan basket earns 120 points").contains("2 passed, 0 failed");
        JifenProcess.Result failing = jifen(shop.qa(), shop, "suites", "run", "2");
        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
        assertThat(failing.stdout()).contains("FAIL a 120-yuan basket earns 120 points")
                .contains("totalPoints: expected 120, was 240");

        JifenProcess.Result compared = jifen(shop.qa(), shop, "compare", "1", "2");
        assertThat(compared.exitCode()).as(compared.toString()).isZero();
        assertThat(compared.stdout()).contains("1 added, 1 removed, 0 changed").contains("ADDED   earn 2 points per yuan")
                .contains("CHANGED a 120-yuan basket earns 120 points").contains("totalPoints: 120 → 240")
                .contains("2 of 2 scenarios change");

        JifenProcess.Result gated = jifen(shop.marketing(), shop, "activate", "2");
        assertThat(gated.exitCode()).as(gated.toString()).isEqualTo(1);
        assertThat(gated.stderr()).contains("Stored suites fail (409)").contains("FAIL baskets: a 120-yuan basket earns 120 points");
        JifenProcess.Result activated = jifen(shop.marketing(), shop, "activate", "1");
        assertThat(activated.exitCode()).as(activated.toString()).isZero();
        assertThat(activated.stdout()).contains("version 1 active from").contains("suite gate PASSED (2 scenarios, 0 failed)");

        // a whole minute, as people write it: 2026-12-07T11:42:00+08:00
        String at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.ofHours(8))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT));
        assertThat(at).as("a --at with seconds written out").matches(".*T\\d\\d:\\d\\d:00\\+08:00");
        JifenProcess.Result scheduled = jifen(shop.marketing(), shop, "activate", "2", "--at", at, "--override-reason",
                "double points week approved");
        assertThat(scheduled.exitCode()).as(scheduled.toString()).isZero();
        assertThat(scheduled.stdout()).contains("version 2 scheduled for").contains("suite gate OVERRIDDEN");

        JifenProcess.Result status = jifen(shop.qa(), shop, "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("live: version 1").contains("PENDING    version 2")
                .contains("LIVE       version 1");
    }

    @Test
    void aRejectedUploadAndAForbiddenKeyAreShownAsTheServicesProblemsAndExitWithTwo() throws IOException {
        Api.TestMerchant shop = Api.newMerchant();
        Path broken = rules("broken", RuleVersionFixtures.earnDrl(1).replace("Purchase()", "Purchase( total >>> 3 )"));
        JifenProcess.Result rejected = jifen(shop.marketing(), shop, "push", broken.toString());
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(2);
        assertThat(rejected.stderr()).contains("Rule set rejected (422)").contains("rules.drl:8: Predicate 'total >>> 3' must be a Boolean expression");
        JifenProcess.Result forbidden = jifen(shop.integrator(), shop, "push", broken.toString());
        assertThat(forbidden.exitCode()).as(forbidden.toString()).isEqualTo(2);
        assertThat(forbidden.stderr()).contains("(403)");
        JifenProcess.Result none = jifen(shop.qa(), shop, "status");
        assertThat(none.stdout()).as(none.toString()).contains("no version is active yet");
    }

    private Path rules(String name, String drl) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("rules.drl"), drl);
        return folder;
    }

    /** {@code java -jar jifen.jar ARGS} with the key in JIFEN_API_KEY and the test service as JIFEN_SERVER. */
    private static JifenProcess.Result jifen(String key, Api.TestMerchant shop, String... args) {
        return JifenProcess.run(Map.of("JIFEN_API_KEY", key, "JIFEN_SERVER", "http://localhost:" + RestAssured.port,
                "JIFEN_MERCHANT", shop.code()), List.of(), args);
    }
}
