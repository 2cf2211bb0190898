package io.jifen.admin.ruleset;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.newMerchant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

/** GET /merchants/{code}/vocabulary: the shipped loyalty.dsl's sentences for an editor's completion. */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class VocabularyApiTest {
    private static String shippedDsl() throws IOException {
        try (InputStream in = VocabularyApiTest.class.getResourceAsStream("/io/jifen/engine/dsl/loyalty.dsl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySentenceOfTheShippedVocabularyWithItsScopePlaceholdersAndExpansionInFileOrder() throws IOException {
        Api.TestMerchant shop = newMerchant();
        long mappings = shippedDsl().lines().filter(l -> l.startsWith("[")).count();
        for (String key : List.of(shop.marketing(), shop.qa())) {
            as(key).get("/merchants/" + shop.code() + "/vocabulary").then().statusCode(200)
                    .contentType("application/json")
                    .body("name", equalTo("loyalty.dsl"))
                    .body("sentences", hasSize((int) mappings))
                    .body("sentences[0].scope", equalTo("keyword"))
                    .body("sentences[0].sentence", equalTo("in phase {phase}"))
                    .body("sentences[0].placeholders", contains("phase"))
                    .body("sentences[0].expansion", equalTo("ruleflow-group \"{phase}\""))
                    .body("sentences.find { it.sentence == 'Today is day {day} of the month' }.scope", equalTo("condition"))
                    .body("sentences.find { it.sentence == 'Today is day {day} of the month' }.expansion",
                            equalTo("ProgramCalendar(dayOfMonth == {day})"))
                    .body("sentences.find { it.sentence == 'There is a purchase' }.placeholders", empty())
                    .body("sentences.find { it.sentence.startsWith('Multiply the base points') }.scope", equalTo("consequence"))
                    .body("sentences.find { it.sentence.startsWith('Multiply the base points') }.placeholders",
                            contains("factor", "family", "reason"))
                    .body("sentences.find { it.sentence.startsWith('The member had fewer than {count} {type} events today') }"
                            + ".placeholders", contains("count", "type"))
                    .body("sentences.scope", everyItem(oneOf("condition", "consequence", "keyword")));
        }
    }

    @Test
    void integratorsAreRefusedAndOtherMerchantsAreNotFound() {
        Api.TestMerchant shop = newMerchant();
        Api.TestMerchant other = newMerchant();
        as(shop.integrator()).get("/merchants/" + shop.code() + "/vocabulary").then().statusCode(403);
        as(other.marketing()).get("/merchants/" + shop.code() + "/vocabulary").then().statusCode(404);
        given().get("/merchants/" + shop.code() + "/vocabulary").then().statusCode(401);
    }

    @Test
    void aMerchantsOwnVocabularyIsReadByTheSameRules() {
        List<Vocabulary.Sentence> sentences = Vocabulary.parse("""
                # a comment [when]not a sentence=x
                // another comment
                [when][Purchase]The purchase is paid by {method:\\w+}=Purchase(paymentMethod == "{method}")
                [then]Log {message}=actions.bonus(0, "LOG", "{message}");
                [*]anywhere {x} and {x} again=stays {x}
                [consequence]Total \\= {n}=actions.capTotal({n}, "equal");
                [unknown]ignored=nothing
                this line is no mapping
                [when]no equals sign here
                """);
        assertThat(sentences).extracting(Vocabulary.Sentence::scope)
                .containsExactly("condition", "consequence", "any", "consequence");
        assertThat(sentences.get(0).sentence()).isEqualTo("The purchase is paid by {method:\\w+}");
        assertThat(sentences.get(0).placeholders()).containsExactly("method");
        assertThat(sentences.get(0).line()).isEqualTo(3);
        assertThat(sentences.get(2).placeholders()).containsExactly("x");
        assertThat(sentences.get(3).sentence()).isEqualTo("Total = {n}");
        assertThat(sentences.get(3).expansion()).isEqualTo("actions.capTotal({n}, \"equal\");");
    }
}
