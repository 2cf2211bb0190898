package io.jifen.rules;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.scenario.Suite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceProgramTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void theReferenceProgramCompilesWithoutDiagnostics() {
        CompilationResult result = new LoyaltyEngine().compile(ReferenceProgram.ruleSet());
        assertThat(result).isInstanceOf(CompilationResult.Compiled.class);
        CompiledProgram program = result.orThrow();
        assertThat(program.ruleNames()).hasSize(32).doesNotHaveDuplicates();
    }

    @Test
    void everyAuthoringFormIsUsedByTheReferenceProgram() {
        assertThat(ReferenceProgram.ruleSet().files()).extracting(RuleFile::name)
                .anyMatch(n -> n.endsWith(".drl")).anyMatch(n -> n.endsWith(".dslr"))
                .anyMatch(n -> n.endsWith(".csv")).anyMatch(n -> n.endsWith(".xlsx"));
    }

    @Test
    void theListedFilesAreExactlyTheFilesInTheFolders() throws IOException {
        assertThat(filesIn(ReferenceProgram.RULES_FOLDER)).containsExactlyInAnyOrderElementsOf(ReferenceProgram.RULE_FILES);
        assertThat(filesIn(ReferenceProgram.VARIANTS_FOLDER)).containsExactlyInAnyOrderElementsOf(ReferenceProgram.VARIANTS);
        assertThat(filesIn(ReferenceProgram.SUITES_FOLDER)).containsExactlyInAnyOrderElementsOf(ReferenceProgram.SUITES);
    }

    @Test
    void theSuitesHoldAtLeastSeventyScenariosWithUniqueNames() {
        List<Suite> suites = ReferenceProgram.suites();
        assertThat(suites).hasSize(8);
        assertThat(suites.stream().mapToInt(s -> s.scenarios().size()).sum()).isGreaterThanOrEqualTo(70);
        for (Suite suite : suites) {
            assertThat(suite.zone()).isEqualTo("Asia/Shanghai");
            assertThat(suite.scenarios()).extracting(Suite.Scenario::name).doesNotHaveDuplicates();
        }
    }

    @Test
    void aVariantStandsInForTheDslrTierQualification() {
        assertThat(ReferenceProgram.withVariant("tier-qualification.csv").files()).extracting(RuleFile::name)
                .contains("tier-qualification.csv").doesNotContain("tier-qualification.dslr");
    }

    private static List<String> filesIn(String folder) throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
