package io.jifen.examples;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.scenario.Suite;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bright Path Academy, the online-education platform: its suites pass on its rules through the real engine. */
class OnlineEducationExampleTest {
    private final ExampleMerchant brightPath = ExampleMerchant.onlineEducation();

    @Test
    void brightPathProgramPassesEveryOneOfItsSuites() {
        assertThat(ExampleMerchantSuites.allPass(brightPath)).isGreaterThanOrEqualTo(30);
        assertThat(brightPath.suites()).extracting(Suite::suite).containsExactly("bright-path-tasks",
                "bright-path-courses", "bright-path-study-streak", "bright-path-mall");
    }

    @Test
    void brightPathWritesItsTasksInChineseSentencesAndItsTablesAsCsv() {
        assertThat(text("tasks.dslr")).contains("expander loyalty-zh.dsl").contains("会员今天的 SHARE 事件少于 3 次")
                .doesNotContainPattern("(?m)^\\s*(package|import|global)\\b");
        assertThat(text("membership.dslr")).contains("package io.jifen.examples.brightpath;")
                .contains("global RuleActions actions;").contains("expander loyalty.dsl");
        assertThat(brightPath.ruleSet().files()).extracting(RuleFile::name)
                .contains("course-earning.csv", "study-streak.csv")
                .noneMatch(n -> n.endsWith(".drl") || n.endsWith(".xls") || n.endsWith(".xlsx"));
    }

    @Test
    void brightPathSettingsAreYuanInShanghaiRoundedHalfEven() {
        assertThat(ExampleMerchantSuites.settings(brightPath).get("currency").asText()).isEqualTo("CNY");
        ExampleMerchantSuites.speakTheMerchantsZoneAndPolicy(brightPath);
    }

    private String text(String file) {
        return new String(brightPath.ruleSet().files().stream().filter(f -> f.name().equals(file)).findFirst()
                .orElseThrow().content(), StandardCharsets.UTF_8);
    }
}
