package io.jifen.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file in an example merchant's folders is one that {@link ExampleMerchant} loads (a jar's folder cannot be listed). */
class ExampleMerchantFilesTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void everyRuleFileAndSuiteInTheFoldersIsListed() throws IOException {
        assertThat(names(ExampleMerchant.ONLINE_SHOP_FOLDER + "rules"))
                .containsExactlyInAnyOrderElementsOf(ExampleMerchant.ONLINE_SHOP_RULES);
        assertThat(names(ExampleMerchant.ONLINE_SHOP_FOLDER + "suites"))
                .containsExactlyInAnyOrderElementsOf(ExampleMerchant.ONLINE_SHOP_SUITES);
        assertThat(names(ExampleMerchant.ONLINE_EDUCATION_FOLDER + "rules"))
                .containsExactlyInAnyOrderElementsOf(ExampleMerchant.ONLINE_EDUCATION_RULES);
        assertThat(names(ExampleMerchant.ONLINE_EDUCATION_FOLDER + "suites"))
                .containsExactlyInAnyOrderElementsOf(ExampleMerchant.ONLINE_EDUCATION_SUITES);
        assertThat(names(ExampleMerchant.SUPERMARKET_FOLDER + "suites"))
                .containsExactlyInAnyOrderElementsOf(ExampleMerchant.SUPERMARKET_SUITES);
    }

    @Test
    void theThreeMerchantsHaveDistinctCodesAndEachHasACatalogAndCampaigns() {
        List<ExampleMerchant> all = ExampleMerchant.all();
        assertThat(all).extracting(ExampleMerchant::code).containsExactly("fresh-harbour", "lumen-lane", "bright-path");
        for (ExampleMerchant m : all) {
            assertThat(ExampleMerchantSuites.yaml(m.catalogYaml()).size()).as(m.code() + " catalog").isGreaterThanOrEqualTo(4);
            assertThat(ExampleMerchantSuites.yaml(m.campaignsYaml()).size()).as(m.code() + " campaigns").isGreaterThanOrEqualTo(1);
            assertThat(ExampleMerchantSuites.settings(m).get("code").asText()).isEqualTo(m.code());
        }
    }

    private static List<String> names(String folder) throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
