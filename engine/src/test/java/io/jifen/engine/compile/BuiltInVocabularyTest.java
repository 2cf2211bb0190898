package io.jifen.engine.compile;

import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInVocabularyTest {
    @Test
    void theShippedVocabularyParsesWithoutErrors() throws Exception {
        DSLTokenizedMappingFile mapping = new DSLTokenizedMappingFile();
        boolean parsed = mapping.parseAndLoad(new StringReader(SourceTranslator.builtInDsl()));
        assertThat(mapping.getErrors()).isEmpty();
        assertThat(parsed).isTrue();
    }

    @Test
    void theChineseVocabularyParsesAndPairsEverySentenceWithAnEnglishOneOfTheSameExpansion() throws Exception {
        DSLTokenizedMappingFile chinese = new DSLTokenizedMappingFile();
        assertThat(chinese.parseAndLoad(new StringReader(SourceTranslator.builtInDsl(SourceTranslator.BUILT_IN_DSL_ZH))))
                .isTrue();
        DSLTokenizedMappingFile english = new DSLTokenizedMappingFile();
        english.parseAndLoad(new StringReader(SourceTranslator.builtInDsl()));

        // English has "Earn 1 point per …" beside "Earn 2 points per …"; Chinese needs one sentence for both
        assertThat(chinese.getMapping().getEntries()).extracting(e -> e.getSection() + " " + e.getMappingValue())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(english.getMapping().getEntries().stream()
                        .map(e -> e.getSection() + " " + e.getMappingValue()).distinct().toList());
    }
}
