package io.jifen.admin.problem;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Declares every operation's problem responses in the OpenAPI document, so that no resource repeats
 * them (registered as {@code mp.openapi.filter}; it runs when the document is built).
 *
 * <p>What every operation can meet follows from its shape, and is added here:
 * <ul>
 *   <li>every operation: 401 {@code unauthorized}, 403 {@code forbidden}, 503 {@code service-unavailable};</li>
 *   <li>a path parameter: 404 {@code not-found} (the merchant, or the thing the path names);</li>
 *   <li>any parameter: 400 {@code invalid-parameter}; a request body: 400 {@code malformed-request},
 *       413 {@code payload-too-large}, 415 {@code unsupported-media-type}, and 422 {@code invalid-request}
 *       for a JSON or form body.</li>
 * </ul>
 * What only some operations give is named on the operation, as the slugs of the {@link ProblemType}
 * catalogue: {@code @Extension(name = "x-problem-types", value = "merchant-exists")}. An unknown slug
 * fails the build. The extension is then rewritten to list every type the operation can answer with,
 * for clients that want them by name. An operation that can answer {@code transaction-id-reused} is
 * idempotent by its id: its 201 answer is also declared as the 200 a replay gets, with the
 * {@code Idempotent-Replayed} header.
 */
public class ProblemResponses implements OASFilter {
    /** The operation extension naming the problem types beyond those its shape implies. */
    public static final String EXTENSION = "x-problem-types";
    public static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;
    private static final String FIELD_ERROR = "ProblemFieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        openAPI.getComponents().addSchema(FIELD_ERROR, fieldErrorSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                declare(path.getKey(), operation);
            }
        }
    }

    private static void declare(String path, Operation operation) {
        Set<ProblemType> types = new LinkedHashSet<>();
        types.add(ProblemType.UNAUTHORIZED);
        types.add(ProblemType.FORBIDDEN);
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (path.contains("{")) {
            types.add(ProblemType.NOT_FOUND);
        }
        if (hasParameters) {
            types.add(ProblemType.INVALID_PARAMETER);
        }
        if (operation.getRequestBody() != null) {
            types.add(ProblemType.MALFORMED_REQUEST);
            types.add(ProblemType.PAYLOAD_TOO_LARGE);
            types.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
            Content content = operation.getRequestBody().getContent();
            if (content != null && content.getMediaTypes().keySet().stream()
                    .anyMatch(t -> t.contains("json") || t.startsWith("multipart/"))) {
                types.add(ProblemType.INVALID_REQUEST);
            }
        }
        types.addAll(named(operation));
        types.add(ProblemType.SERVICE_UNAVAILABLE);

        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<Integer, List<ProblemType>> byStatus = types.stream().collect(
                Collectors.groupingBy(ProblemType::status, TreeMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<ProblemType>> status : byStatus.entrySet()) {
            responses.addAPIResponse(String.valueOf(status.getKey()), problemResponse(status.getValue()));
        }
        if (types.contains(ProblemType.TRANSACTION_ID_REUSED)) {
            declareReplay(responses);
        }
        List<Object> slugs = new ArrayList<>(types.stream().map(ProblemType::slug).distinct().toList());
        operation.addExtension(EXTENSION, slugs);
    }

    /** The slugs an operation names itself, as problem types (a slug with two statuses gives both). */
    private static List<ProblemType> named(Operation operation) {
        Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        if (value == null) {
            return List.of();
        }
        List<ProblemType> types = new ArrayList<>();
        for (String slug : String.valueOf(value).split(",")) {
            String s = slug.strip();
            List<ProblemType> matching = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(s)).toList();
            if (matching.isEmpty()) {
                throw new IllegalStateException("operation " + operation.getOperationId() + " names problem type `" + s
                        + "`, which is not in the ProblemType catalogue");
            }
            types.addAll(matching);
        }
        return types;
    }

    private static APIResponse problemResponse(List<ProblemType> types) {
        int status = types.get(0).status();
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = status == 422 ? "Unprocessable content" : known == null ? "Error" : known.getReasonPhrase();
        return OASFactory.createAPIResponse()
                .description(reason + ": " + types.stream().map(ProblemType::slug).collect(Collectors.joining(", ")))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
    }

    /** An idempotent operation: the same request again is answered 200 with the stored answer. */
    private static void declareReplay(APIResponses responses) {
        APIResponse created = responses.getAPIResponse("201");
        if (created == null || responses.hasAPIResponse("200")) {
            return;
        }
        Header replayed = OASFactory.createHeader()
                .description("`true`: this answer repeats the stored answer of the first request with this id")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true"));
        APIResponse replay = OASFactory.createAPIResponse()
                .description("A replay: this id was seen with the same payload; the stored answer, unchanged")
                .content(created.getContent())
                .addHeader("Idempotent-Replayed", replayed);
        responses.addAPIResponse("200", replay);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail, as application/problem+json. A problem type may add members"
                        + " of its own (the suite gate's `suites`, for instance).")
                .addRequired("type").addRequired("title").addRequired("status").addRequired("detail")
                .addRequired("instance")
                .addProperty("type", string("The problem type, a URI under https://jifen.io/problems/ naming one type of"
                        + " docs/api.md's catalogue").format("uri"))
                .addProperty("title", string("The type's title: the same for every problem of the type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong in this request, in the API's words"))
                .addProperty("instance", string("The path of the request that failed"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Field-level problems: each names its field (or rule file, line and column)")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .additionalPropertiesSchema(OASFactory.createSchema());
    }

    private static Schema fieldErrorSchema() {
        Schema integer = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One problem of a request: a field named by its JSON path or parameter name, or a place in"
                        + " a rule file or suite")
                .addRequired("message")
                .addProperty("field", string("The JSON path of a body field (`lines[0].quantity`), `(body)`, or the name"
                        + " of a path or query parameter as the URL gives it (`limit`)"))
                .addProperty("message", string("What is wrong with it"))
                .addProperty("file", string("The rule file, for a rule-file problem"))
                .addProperty("line", integer.description("The line (DSLR line, spreadsheet row, suite line)"))
                .addProperty("column", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The column, when known"))
                .addProperty("cell", string("The spreadsheet cell of a decision-table problem (`F12`), when known"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
