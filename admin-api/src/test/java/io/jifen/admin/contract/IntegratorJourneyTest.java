package io.jifen.admin.contract;

import io.jifen.admin.support.Api;
import io.jifen.admin.support.FreshTestSchema;
import io.jifen.client.ApiClient;
import io.jifen.client.ApiException;
import io.jifen.client.ApiResponse;
import io.jifen.client.api.ApiKeysAndAuditApi;
import io.jifen.client.api.LedgerApi;
import io.jifen.client.api.MallApi;
import io.jifen.client.api.MembersApi;
import io.jifen.client.api.MerchantsApi;
import io.jifen.client.api.RuleVersionsApi;
import io.jifen.client.api.TransactionsApi;
import io.jifen.client.model.ActivationView;
import io.jifen.client.model.EntryKind;
import io.jifen.client.model.Expiry;
import io.jifen.client.model.ItemRequest;
import io.jifen.client.model.ItemView;
import io.jifen.client.model.KeyRequest;
import io.jifen.client.model.LineRequest;
import io.jifen.client.model.MemberRequest;
import io.jifen.client.model.MemberTransactionView;
import io.jifen.client.model.MemberView;
import io.jifen.client.model.MerchantRequest;
import io.jifen.client.model.MerchantView;
import io.jifen.client.model.OrderView;
import io.jifen.client.model.PageStatementLine;
import io.jifen.client.model.PointsPolicyModel;
import io.jifen.client.model.PostedTransaction;
import io.jifen.client.model.Problem;
import io.jifen.client.model.PurchaseRequest;
import io.jifen.client.model.QuoteView;
import io.jifen.client.model.RedemptionRequest;
import io.jifen.client.model.RefundLine;
import io.jifen.client.model.RefundRequest;
import io.jifen.client.model.RefundResult;
import io.jifen.client.model.Role;
import io.jifen.client.model.StatementLine;
import io.jifen.client.model.TransactionKind;
import io.jifen.client.model.TransactionResult;
import io.jifen.client.model.UploadRequest;
import io.jifen.client.model.UploadedFile;
import io.jifen.client.model.VersionView;
import io.jifen.engine.compile.RuleFile;
import io.jifen.rules.ReferenceProgram;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The proof that integrators can generate an SDK from the contract (issue 16): the Java client the
 * build generates from docs/openapi.json (openapi-generator, library native; see admin-api/pom.xml)
 * runs an integrator's whole journey against the service, with no hand-written HTTP. Statuses are
 * read from the client's answers; problems arrive as the client's Problem model.
 */
@QuarkusTest
@QuarkusTestResource(FreshTestSchema.class)
class IntegratorJourneyTest {
    @TestHTTPResource("/")
    URI service;

    /** A client of the generated SDK calling with this key. */
    private ApiClient as(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("X-Api-Key", key));
        return client;
    }

    @Test
    void anIntegratorsJourneyRunsThroughTheGeneratedClient() throws Exception {
        String code = "journey-" + UUID.randomUUID().toString().substring(0, 8);

        // the platform admin creates the merchant and issues its keys
        MerchantsApi platform = new MerchantsApi(as(Api.ADMIN_KEY));
        MerchantRequest merchant = new MerchantRequest().code(code).name("Journey Mart").timeZone("Asia/Shanghai")
                .currency("CNY").pointsPolicy(new PointsPolicyModel().rounding(PointsPolicyModel.RoundingEnum.DOWN)
                        .stacking(PointsPolicyModel.StackingEnum.ADDITIVE)
                        .expiry(new Expiry().rule(Expiry.RuleEnum.ROLLING_MONTHS).months(12)).autoEnrol(true));
        ApiResponse<MerchantView> created = platform.createMerchantWithHttpInfo(merchant);
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getPointsPolicy().getRounding()).isEqualTo(PointsPolicyModel.RoundingEnum.DOWN);
        ApiKeysAndAuditApi keys = new ApiKeysAndAuditApi(as(Api.ADMIN_KEY));
        String marketing = issue(keys, code, Role.MARKETING);
        String integrator = issue(keys, code, Role.INTEGRATOR);

        // marketing uploads the reference program as JSON, then a variant as multipart, and activates it
        RuleVersionsApi rules = new RuleVersionsApi(as(marketing));
        UploadRequest json = new UploadRequest().description("reference program");
        for (RuleFile f : ReferenceProgram.ruleSet().files()) {
            json.addFilesItem(f.name().endsWith(".xlsx")
                    ? new UploadedFile().name(f.name()).encoding(UploadedFile.EncodingEnum.BASE64)
                            .content(Base64.getEncoder().encodeToString(f.content()))
                    : new UploadedFile().name(f.name()).content(f.text()));
        }
        ApiResponse<VersionView> first = rules.uploadRuleVersionWithHttpInfo(code, json);
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(first.getData().getNumber()).isEqualTo(1);
        assertThat(first.getData().getStatus()).isEqualTo(VersionView.StatusEnum.DRAFT);
        assertThat(rules.uploadRuleVersionWithHttpInfo(code, json).getStatusCode()).as("the same files again").isEqualTo(200);
        ApiResponse<VersionView> second = rules.uploadRuleVersionFilesWithHttpInfo(code, "tier rules as DRL", variantFiles());
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(second.getData().getNumber()).isEqualTo(2);
        assertThat(second.getData().getDescription()).isEqualTo("tier rules as DRL");
        ApiResponse<ActivationView> activated = rules.activateRuleVersionWithHttpInfo(code, 2, null);
        assertThat(activated.getStatusCode()).isEqualTo(200);
        assertThat(rules.getActiveRuleVersion(code).getNumber()).isEqualTo(2);

        // the integrator enrols a member, posts a purchase (and replays it), refunds part of it
        MembersApi members = new MembersApi(as(integrator));
        ApiResponse<MemberView> enrolled = members.enrolMemberWithHttpInfo(code, "lin", new MemberRequest().tier("REGULAR"));
        assertThat(enrolled.getStatusCode()).isEqualTo(201);
        assertThat(members.enrolMemberWithHttpInfo(code, "lin", new MemberRequest()).getStatusCode()).isEqualTo(200);
        TransactionsApi transactions = new TransactionsApi(as(integrator));
        PurchaseRequest purchase = new PurchaseRequest().transactionId("order-1").memberId("lin")
                .occurredAt(OffsetDateTime.now().minusMinutes(1)).total(new BigDecimal("520.00"))
                .lines(List.of(new LineRequest().sku("OIL-5L").category("grocery").quantity(4)
                        .unitPrice(new BigDecimal("130.00"))));
        ApiResponse<TransactionResult> posted = transactions.postPurchaseWithHttpInfo(code, purchase);
        assertThat(posted.getStatusCode()).isEqualTo(201);
        long earned = posted.getData().getTotalPoints();
        assertThat(earned).isPositive();
        ApiResponse<TransactionResult> replayed = transactions.postPurchaseWithHttpInfo(code, purchase);
        assertThat(replayed.getStatusCode()).isEqualTo(200);
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(replayed.getData().getTotalPoints()).isEqualTo(earned);
        ApiResponse<RefundResult> refunded = transactions.postRefundWithHttpInfo(code, new RefundRequest().refundId("return-1")
                .purchaseId("order-1").lines(List.of(new RefundLine().sku("OIL-5L").quantity(1))).reason("leaking bottle"));
        assertThat(refunded.getStatusCode()).isEqualTo(201);
        assertThat(refunded.getData().getRefundedAmount()).isEqualByComparingTo("130");
        assertThat(refunded.getData().getPointsReversed()).isPositive();

        // the statement explains it; marketing lists an item, the member is quoted and redeems it
        List<StatementLine> statement = new ArrayList<>();
        String cursor = null;
        do { // a page at a time, one entry a page, following nextCursor
            PageStatementLine page = new LedgerApi(as(integrator)).getStatement(code, "lin", cursor, 1);
            statement.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertThat(statement).extracting(StatementLine::getKind).contains(EntryKind.EARN, EntryKind.REVERSE);
        assertThat(statement).extracting(StatementLine::getEntryId).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.reverseOrder());
        ApiResponse<ItemView> item = new MallApi(as(marketing)).createMallItemWithHttpInfo(code, new ItemRequest()
                .sku("CAR-WASH").name("Car wash").type(ItemRequest.TypeEnum.SERVICE).category("services").basePoints(100L));
        assertThat(item.getStatusCode()).isEqualTo(201);
        MallApi mall = new MallApi(as(integrator));
        QuoteView quote = mall.quoteItem(code, "lin", "CAR-WASH");
        assertThat(quote.getPointsPrice()).isPositive();
        ApiResponse<OrderView> redeemed = mall.redeemItemWithHttpInfo(code, "lin", new RedemptionRequest()
                .redemptionId("wash-1").sku("CAR-WASH").expectedPoints(quote.getPointsPrice()));
        assertThat(redeemed.getStatusCode()).isEqualTo(201);
        assertThat(redeemed.getData().getPoints()).isEqualTo(quote.getPointsPrice());
        assertThat(transactions.listMemberTransactions(code, "lin", null, 50).getItems())
                .extracting(MemberTransactionView::getTransactionId).containsExactlyInAnyOrder("order-1", "return-1", "wash-1");
        // any transaction reads back by its id, its answer under the field its kind names
        PostedTransaction bought = transactions.getTransaction(code, "order-1");
        assertThat(bought.getKind()).isEqualTo(TransactionKind.PURCHASE);
        assertThat(bought.getPosting().getTotalPoints()).isEqualTo(earned);
        PostedTransaction returned = transactions.getTransaction(code, "return-1");
        assertThat(returned.getKind()).isEqualTo(TransactionKind.REFUND);
        assertThat(returned.getPosting()).isNull();
        assertThat(returned.getRefund().getPointsReversed()).isEqualTo(refunded.getData().getPointsReversed());
        assertThat(returned.getRefund().getRefundedAmount()).isEqualByComparingTo("130");
        PostedTransaction washed = transactions.getTransaction(code, "wash-1");
        assertThat(washed.getKind()).isEqualTo(TransactionKind.REDEMPTION);
        assertThat(washed.getRedemption().getSku()).isEqualTo("CAR-WASH");
        assertThat(washed.getRedemption().getPoints()).isEqualTo(quote.getPointsPrice());

        // the problems a client meets arrive as the client's Problem, each with its type and instance
        Problem unauthorized = problem(401, () -> new MerchantsApi(as("no-such-key")).getMerchant(code));
        assertThat(unauthorized.getType()).hasToString("https://jifen.io/problems/unauthorized");
        assertThat(unauthorized.getInstance()).isEqualTo("/merchants/" + code);
        Problem forbidden = problem(403, () -> new MerchantsApi(as(integrator)).listMerchants(null, null));
        assertThat(forbidden.getDetail()).contains("an INTEGRATOR key may not do this");
        Problem notFound = problem(404, () -> members.getMember(code, "nobody"));
        assertThat(notFound.getType()).hasToString("https://jifen.io/problems/not-found");
        Problem exists = problem(409, () -> platform.createMerchant(merchant));
        assertThat(exists.getType()).hasToString("https://jifen.io/problems/merchant-exists");
        Problem reused = problem(409, () -> transactions.postPurchase(code, purchase.total(new BigDecimal("521.00"))));
        assertThat(reused.getType()).hasToString("https://jifen.io/problems/transaction-id-reused");
        Problem invalid = problem(422, () -> platform.createMerchant(merchant.code(code + "-2").currency("usd")));
        assertThat(invalid.getType()).hasToString("https://jifen.io/problems/invalid-request");
        assertThat(invalid.getErrors()).extracting(e -> e.getField()).containsExactly("currency");
    }

    private static String issue(ApiKeysAndAuditApi keys, String code, Role role) throws ApiException {
        var issued = keys.issueApiKeyWithHttpInfo(code, new KeyRequest().role(role).label(role + " of the journey"));
        assertThat(issued.getStatusCode()).isEqualTo(201);
        assertThat(issued.getData().getRole()).isEqualTo(role);
        return issued.getData().getSecret();
    }

    /** The reference program with its tier rules as DRL, as files on disk for the multipart upload. */
    private static List<File> variantFiles() throws IOException {
        Path dir = Files.createTempDirectory("jifen-journey");
        List<File> files = new ArrayList<>();
        for (String name : ReferenceProgram.RULE_FILES) {
            RuleFile f = name.equals(ReferenceProgram.VARIANT_REPLACES)
                    ? ReferenceProgram.variant("tier-qualification.drl") : ReferenceProgram.ruleFile(name);
            Path file = dir.resolve(f.name());
            Files.write(file, f.content());
            files.add(file.toFile());
        }
        return files;
    }

    /** The problem a call fails with, as the generated client's model; asserts its status. */
    private static Problem problem(int status, Executable call) throws IOException {
        ApiException e = assertThrows(ApiException.class, call);
        assertThat(e.getCode()).isEqualTo(status);
        assertThat(e.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getInstance()).startsWith("/merchants");
        return problem;
    }
}
