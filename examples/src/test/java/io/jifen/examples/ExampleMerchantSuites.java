package io.jifen.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What every example merchant's test checks: its suites pass on its rules, in its own zone and policy. */
final class ExampleMerchantSuites {
    private ExampleMerchantSuites() {
    }

    /** Compiles the merchant's rules through the real engine and runs every suite; returns the scenario count. */
    static int allPass(ExampleMerchant merchant) {
        CompiledProgram program = new LoyaltyEngine().compile(merchant.ruleSet()).orThrow();
        int scenarios = 0;
        for (Suite suite : merchant.suites()) {
            SuiteReport report = SuiteRunner.run(program, suite);
            assertThat(report.allPassed()).as(report.toText()).isTrue();
            scenarios += suite.scenarios().size();
        }
        return scenarios;
    }

    /** Each suite states the merchant's time zone and, when it states one, the merchant's rounding and stacking. */
    static void speakTheMerchantsZoneAndPolicy(ExampleMerchant merchant) {
        JsonNode settings = settings(merchant);
        String zone = settings.get("timeZone").asText();
        String rounding = settings.at("/pointsPolicy/rounding").asText();
        String stacking = settings.at("/pointsPolicy/stacking").asText();
        for (Suite suite : merchant.suites()) {
            assertThat(suite.zone()).as(suite.suite() + " zone").isEqualTo(zone);
            if (suite.policy() != null) {
                assertThat(suite.policy().rounding()).as(suite.suite() + " rounding").isEqualTo(rounding);
                assertThat(suite.policy().stacking()).as(suite.suite() + " stacking").isEqualTo(stacking);
            }
        }
    }

    static JsonNode settings(ExampleMerchant merchant) {
        return yaml(merchant.settingsYaml());
    }

    static JsonNode yaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
