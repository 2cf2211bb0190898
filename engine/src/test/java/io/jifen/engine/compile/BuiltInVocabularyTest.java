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
}
