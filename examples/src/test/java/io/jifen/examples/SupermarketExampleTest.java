package io.jifen.examples;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupermarketExampleTest {
    @Test
    void freshHarbourProgramPassesItsOwnSuiteAndEveryReferenceSuite() {
        ExampleMerchant merchant = ExampleMerchant.supermarket();
        CompiledProgram program = new LoyaltyEngine().compile(merchant.ruleSet()).orThrow();
        for (Suite suite : merchant.suites()) {
            SuiteReport report = SuiteRunner.run(program, suite);
            assertThat(report.allPassed()).as(report.toText()).isTrue();
        }
        assertThat(merchant.suites()).extracting(Suite::suite).contains("fresh-harbour-first-week");
    }

    @Test
    void merchantSettingsNameTheZoneCurrencyAndPolicy() {
        assertThat(ExampleMerchant.supermarket().settingsYaml())
                .contains("timeZone: Asia/Shanghai").contains("currency: CNY").contains("rounding: DOWN");
    }
}
