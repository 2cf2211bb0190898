package io.jifen.examples;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.scenario.Suite;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Lumen Lane, the online shop: its suites pass on its rules through the real engine. */
class OnlineShopExampleTest {
    private final ExampleMerchant lumenLane = ExampleMerchant.onlineShop();

    @Test
    void lumenLaneProgramPassesEveryOneOfItsSuites() {
        assertThat(ExampleMerchantSuites.allPass(lumenLane)).isGreaterThanOrEqualTo(30);
        assertThat(lumenLane.suites()).extracting(Suite::suite)
                .containsExactly("lumen-lane-earning", "lumen-lane-tiers", "lumen-lane-mall");
    }

    @Test
    void lumenLaneIsWrittenInHeaderlessSentencesDrlAndBothKindsOfSpreadsheet() {
        assertThat(lumenLane.ruleSet().files()).extracting(RuleFile::name)
                .anyMatch(n -> n.endsWith(".dslr")).anyMatch(n -> n.endsWith(".drl"))
                .anyMatch(n -> n.endsWith(".xls")).anyMatch(n -> n.endsWith(".xlsx"));
        String sentences = new String(lumenLane.ruleSet().files().stream()
                .filter(f -> f.name().equals("earning.dslr")).findFirst().orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(sentences).as("no header line: the engine supplies it")
                .doesNotContainPattern("(?m)^\\s*(package|import|global|expander)\\b").contains("rule \"earn 1 point per dollar\"");
    }

    @Test
    void lumenLaneSettingsAreSingaporeDollarsRoundedHalfUpWithCompoundMultipliers() {
        assertThat(ExampleMerchantSuites.settings(lumenLane).get("currency").asText()).isEqualTo("SGD");
        ExampleMerchantSuites.speakTheMerchantsZoneAndPolicy(lumenLane);
    }
}
