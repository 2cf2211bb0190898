package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The shipped DSL vocabulary's sentences, for an editor's completion. */
@Path("/merchants/{code}/vocabulary")
@Tag(name = "rule versions")
public class VocabularyResource {
    private static final EditorModels.VocabularyView SHIPPED = new EditorModels.VocabularyView(Vocabulary.SHIPPED,
            Vocabulary.shipped().stream().map(VocabularyResource::view).toList());

    @Inject
    Tenancy tenancy;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "getVocabulary", summary = "The sentences of the shipped vocabulary (loyalty.dsl)",
            description = "Each sentence with its scope (condition, consequence, keyword, any), its {placeholders}"
                    + " and the DRL it expands to, in file order: what `expander loyalty.dsl` makes available.")
    public EditorModels.VocabularyView vocabulary(@PathParam("code") String code) {
        tenancy.merchant(code);
        return SHIPPED;
    }

    static EditorModels.SentenceView view(Vocabulary.Sentence s) {
        return new EditorModels.SentenceView(s.scope(), s.sentence(), List.copyOf(s.placeholders()), s.expansion());
    }
}
