package io.jifen.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.ledger.EntryKind;
import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.merchant.ExpiryRule;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.redemption.catalog.CodeSource;
import io.jifen.admin.redemption.catalog.ItemType;
import io.jifen.admin.security.Role;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what integrators generate an SDK from (issue 16): every operation has a
 * stable readable id, a summary and a description, a typed success answer with its real status, and
 * the problem answers it can give, all with one shared Problem schema. A failure lists every
 * operation at fault, not only the first.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private JsonNode document;

    /** Read in each test instance: the service is up by then, not yet in a static @BeforeAll. */
    @BeforeEach
    void read() throws IOException {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    /** Calls {@code check} with "METHOD path" and the operation, for every operation of the document. */
    void eachOperation(BiConsumer<String, JsonNode> check) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }

    @Test
    void everyOperationHasAStableReadableIdASummaryAndADescription() {
        List<String> faults = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        eachOperation((name, op) -> {
            String id = op.path("operationId").asText("");
            if (!id.matches("[a-z][a-zA-Z0-9]{2,60}")) {
                faults.add(name + ": operationId `" + id + "` is not a camelCase name");
            } else if (!ids.add(id)) {
                faults.add(name + ": operationId `" + id + "` is used twice");
            }
            if (op.path("summary").asText("").strip().split("\\s+").length < 2) {
                faults.add(name + ": summary `" + op.path("summary").asText("") + "` says too little");
            }
            if (op.path("description").asText("").isBlank()) {
                faults.add(name + ": no description");
            }
            if (op.path("tags").size() != 1) {
                faults.add(name + ": not in exactly one tag");
            }
        });
        assertThat(ids).as("operations in the document").hasSizeGreaterThan(60);
        assertThat(faults).isEmpty();
    }

    @Test
    void everyTagHasADescription() {
        Set<String> declared = new HashSet<>();
        List<String> faults = new ArrayList<>();
        for (JsonNode tag : document.path("tags")) {
            declared.add(tag.path("name").asText());
            if (tag.path("description").asText("").isBlank()) {
                faults.add("tag `" + tag.path("name").asText() + "` has no description");
            }
        }
        eachOperation((name, op) -> op.path("tags").forEach(t -> {
            if (!declared.contains(t.asText())) {
                faults.add(name + ": tag `" + t.asText() + "` is not declared with a description");
            }
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void everySuccessAnswerHasItsRealStatusAndATypedBody() {
        List<String> faults = new ArrayList<>();
        eachOperation((name, op) -> {
            JsonNode responses = op.path("responses");
            List<String> success = new ArrayList<>();
            responses.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    success.add(code);
                }
            });
            if (success.isEmpty()) {
                faults.add(name + ": no success response");
            }
            for (String code : success) {
                JsonNode response = responses.path(code);
                if (response.path("description").asText("").isBlank()) {
                    faults.add(name + " " + code + ": no description");
                }
                if (code.equals("204")) {
                    if (response.has("content")) {
                        faults.add(name + " 204: declares a body");
                    }
                    continue;
                }
                if (!response.has("content") || response.path("content").isEmpty()) {
                    faults.add(name + " " + code + ": no body declared");
                }
                response.path("content").fields().forEachRemaining(media -> {
                    if (!typed(media.getValue().path("schema"))) {
                        faults.add(name + " " + code + " " + media.getKey() + ": untyped schema "
                                + media.getValue().path("schema"));
                    }
                });
            }
            boolean idempotent = problemTypes(op).contains("transaction-id-reused");
            if (idempotent && !(success.contains("201") && success.contains("200"))) {
                faults.add(name + ": idempotent by its id, but does not declare 201 (first answer) and 200 (replay)");
            }
            if (name.startsWith("DELETE") && !success.contains("204") && !success.contains("200")) {
                faults.add(name + ": a DELETE answers 204 (or 200 with what it did)");
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everyOperationDeclaresTheProblemsItCanGiveWithTheSharedProblemSchema() {
        List<String> faults = new ArrayList<>();
        eachOperation((name, op) -> {
            JsonNode responses = op.path("responses");
            List<String> required = new ArrayList<>(List.of("401", "403", "503"));
            if (name.contains("{")) {
                required.add("404");
            }
            if (op.has("requestBody")) {
                required.addAll(List.of("400", "413", "415"));
            }
            if (op.path("parameters").size() > 0) {
                required.add("400");
            }
            for (String code : required) {
                if (!responses.has(code)) {
                    faults.add(name + ": does not declare " + code);
                }
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    JsonNode content = r.getValue().path("content");
                    if (content.size() != 1 || !PROBLEM_REF.equals(
                            content.path("application/problem+json").path("schema").path("$ref").asText())) {
                        faults.add(name + " " + r.getKey() + ": not application/problem+json with the Problem schema");
                    }
                }
            });
            if (problemTypes(op).isEmpty()) {
                faults.add(name + ": does not list its problem types (x-problem-types)");
            }
        });
        assertThat(faults).isEmpty();
    }

    /**
     * Every list pages one way (docs/api.md, "Paging"): a GET answering a list — a bare array, or taking
     * a page size or a paging token of its own — answers a Page ({items, nextCursor} and nothing else)
     * and takes {@code limit} (1 to at most 500, 50 by default) and {@code cursor}.
     */
    @Test
    void everyListAnswersAPageAndTakesLimitAndCursor() {
        List<String> faults = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        eachOperation((name, op) -> {
            if (!name.startsWith("GET ")) {
                return;
            }
            JsonNode schema = op.path("responses").path("200").path("content").path("application/json").path("schema");
            Map<String, JsonNode> query = new HashMap<>();
            op.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    query.put(p.path("name").asText(), p.path("schema"));
                }
            });
            boolean list = schema.path("type").asText().equals("array") || query.containsKey("limit")
                    || query.containsKey("cursor") || query.containsKey("before") || query.containsKey("after");
            if (!list) {
                return;
            }
            lists.add(name);
            JsonNode page = resolve(schema);
            if (!iterable(page.path("properties").fieldNames()).equals(List.of("items", "nextCursor"))
                    || !page.path("properties").path("items").path("type").asText().equals("array")
                    || !page.path("properties").path("nextCursor").path("type").asText().equals("string")) {
                faults.add(name + ": answers " + schema + ", not a Page {items, nextCursor}");
            }
            for (String own : List.of("before", "after")) {
                if (query.containsKey(own)) {
                    faults.add(name + ": pages with its own `" + own + "`");
                }
            }
            JsonNode limit = query.get("limit");
            if (limit == null || limit.path("minimum").asInt(0) != 1 || limit.path("default").asInt(0) != 50
                    || !limit.has("maximum") || limit.path("maximum").asInt(0) > 500) {
                faults.add(name + ": `limit` is not 1 to at most 500, 50 by default: " + limit);
            }
            if (query.get("cursor") == null) {
                faults.add(name + ": takes no `cursor`");
            }
        });
        assertThat(lists).as("the lists of the document").hasSizeGreaterThanOrEqualTo(20);
        assertThat(faults).isEmpty();
    }

    /** The schema a {@code $ref} names, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema
                : document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void theProblemSchemaIsRfc9457WithFieldLevelErrors() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(iterable(problem.path("properties").fieldNames()))
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(iterable(problem.path("required").elements()).stream().map(JsonNode::asText).toList())
                .contains("type", "title", "status", "detail", "instance");
        String fieldError = problem.path("properties").path("errors").path("items").path("$ref").asText();
        JsonNode error = document.path("components").path("schemas").path(fieldError.substring(fieldError.lastIndexOf('/') + 1));
        assertThat(iterable(error.path("properties").fieldNames())).contains("field", "message", "file", "line", "column");
    }

    @Test
    void everySchemaPropertyIsTypedAndNoSchemaWasRenamedForAClash() {
        List<String> faults = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (schema.getKey().matches(".*[0-9]$")) {
                faults.add("schema " + schema.getKey() + ": two classes share a simple name");
            }
            schema.getValue().path("properties").fields().forEachRemaining(p -> {
                if (!typed(p.getValue())) {
                    faults.add("schema " + schema.getKey() + "." + p.getKey() + ": untyped " + p.getValue());
                }
            });
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void closedSetsAreEnumsOfExactlyTheServicesValues() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode policy = schemas.path("PointsPolicyModel").path("properties");
        assertThat(enumOf(policy.path("rounding"))).containsExactlyInAnyOrderElementsOf(Arrays.stream(RoundingMode.values())
                .filter(m -> m != RoundingMode.UNNECESSARY).map(Enum::name).toList());
        assertThat(enumOf(policy.path("stacking"))).isEqualTo(names(ProgramPolicy.MultiplierStacking.class));
        assertThat(enumOf(policy.path("refundShortfall"))).isEqualTo(names(LedgerPolicy.Shortfall.class));
        assertThat(enumOf(schemas.path("Expiry").path("properties").path("rule"))).isEqualTo(names(ExpiryRule.class));
        assertThat(enumOf(schemas.path("MemberRequest").path("properties").path("status"))).isEqualTo(names(MemberStatus.class));
        assertThat(enumOf(schemas.path("EntryKind"))).isEqualTo(names(EntryKind.class));
        assertThat(schemas.path("StatementLine").path("properties").path("kind").path("$ref").asText())
                .isEqualTo("#/components/schemas/EntryKind");
        assertThat(enumOf(schemas.path("Role"))).isEqualTo(names(Role.class));
        assertThat(enumOf(schemas.path("ItemRequest").path("properties").path("type"))).isEqualTo(names(ItemType.class));
        assertThat(enumOf(schemas.path("ItemRequest").path("properties").path("codeSource")))
                .isEqualTo(names(CodeSource.class));
    }

    @Test
    void moneyIsADecimalStringWhereverItAppears() {
        List<String> money = List.of("PurchaseRequest.total", "LineRequest.unitPrice", "LineRequest.amount",
                "RefundRequest.amount", "RefundResult.refundedAmount", "RefundResult.remainingAmount",
                "ItemRequest.cashPrice", "ItemView.cashPrice", "RedemptionRequest.expectedCash", "OrderView.cash",
                "OptionView.cash", "QuoteView.cashPart", "RedeemableItem.cashPart", "PointsPolicyModel.pointValue");
        JsonNode schemas = document.path("components").path("schemas");
        List<String> faults = new ArrayList<>();
        for (String field : money) {
            String[] at = field.split("\\.");
            JsonNode p = schemas.path(at[0]).path("properties").path(at[1]);
            if (!p.path("type").asText().equals("string") || !p.path("format").asText().equals("decimal")) {
                faults.add(field + " is " + p);
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void theDocumentNamesAServer() {
        assertThat(document.path("servers").size()).isPositive();
        assertThat(document.path("servers").get(0).path("url").asText()).startsWith("http");
    }

    static List<String> enumOf(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    static List<String> problemTypes(JsonNode op) {
        List<String> types = new ArrayList<>();
        op.path("x-problem-types").forEach(t -> types.add(t.asText()));
        return types;
    }

    /** A schema that says what it holds: a type, a reference, or a composition of those. */
    static boolean typed(JsonNode schema) {
        return schema.has("type") || schema.has("$ref") || schema.has("oneOf") || schema.has("allOf")
                || schema.has("anyOf") || schema.has("enum");
    }

    static <T> List<T> iterable(Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }
}
