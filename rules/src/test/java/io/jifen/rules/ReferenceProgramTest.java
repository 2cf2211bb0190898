package io.jifen.rules;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.Purchase;
import io.jifen.engine.scenario.Suite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
        assertThat(filesIn(ReferenceProgram.CHINESE_FOLDER)).containsExactlyInAnyOrderElementsOf(ReferenceProgram.CHINESE_FILES);
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

    @Test
    void theYearEndThresholdBonusBelongsToTheYearEndCampaign() {
        CompiledProgram program = new LoyaltyEngine().compile(ReferenceProgram.ruleSet()).orThrow();
        Purchase purchase = new Purchase("p-1", Instant.parse("2026-11-20T04:00:00Z"), ZoneId.of("Asia/Shanghai"), "POS",
                "store-1", new BigDecimal("600.00"), "CNY", List.of(new LineItem("RICE", "grocery", 1, null,
                new BigDecimal("600.00"))));
        EvaluationContext context = new EvaluationContext(ZoneId.of("Asia/Shanghai"), ProgramPolicy.DEFAULT,
                new Member("m-1", "REGULAR", Member.ACTIVE, LocalDate.of(2025, 1, 1), null, Map.of()), MemberActivity.none());

        assertThat(program.evaluatePurchase(context, purchase).orThrow().awards())
                .filteredOn(a -> a.family().equals("THRESHOLD")).singleElement()
                .satisfies(a -> assertThat(a.campaign()).isEqualTo("year-end"))
                .satisfies(a -> assertThat(a.points()).isEqualTo(100));
    }

    private static List<String> filesIn(String folder) throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
