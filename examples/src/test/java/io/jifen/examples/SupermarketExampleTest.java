package io.jifen.examples;

import io.jifen.engine.scenario.Suite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupermarketExampleTest {
    @Test
    void freshHarbourProgramPassesItsOwnSuiteAndEveryReferenceSuite() {
        ExampleMerchant merchant = ExampleMerchant.supermarket();
        assertThat(ExampleMerchantSuites.allPass(merchant)).isGreaterThan(50);
        assertThat(merchant.suites()).extracting(Suite::suite).contains("fresh-harbour-first-week", "earning", "tiers");
    }

    @Test
    void merchantSettingsNameTheZoneCurrencyAndPolicy() {
        assertThat(ExampleMerchant.supermarket().settingsYaml())
                .contains("timeZone: Asia/Shanghai").contains("currency: CNY").contains("rounding: DOWN");
        ExampleMerchantSuites.speakTheMerchantsZoneAndPolicy(ExampleMerchant.supermarket());
    }
}
