package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.MerchantDirectory;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.IdempotentAnswer;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.LedgerInvariants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.jifen.admin.support.Api.as;
import static io.jifen.admin.support.Api.merchantOnReferenceProgram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Postings that share one database transaction (group commit, {@link PostingBatcher}) get exactly
 * the answers they would get alone. The batches here are formed by hand, so what is tested does not
 * depend on timing.
 */
@QuarkusTest
class PostingBatchesTest {
    @Inject
    PostingService postings;

    @Inject
    PostingBatcher batcher;

    @Inject
    MerchantDirectory merchants;

    private static final Instant MARCH_5 = Instant.parse("2026-03-05T04:00:00Z"); // not a member day

    private static TransactionModels.PurchaseRequest purchase(String id, String member, Instant at, String amount) {
        return new TransactionModels.PurchaseRequest(id, member, at, null, null, null, new BigDecimal(amount),
                List.of(new TransactionModels.LineRequest("RICE", "grocery", 1, null, new BigDecimal(amount))));
    }

    private Merchant merchant(Api.TestMerchant shop) {
        return QuarkusTransaction.requiringNew().call(() -> merchants.byCode(shop.code()).orElseThrow());
    }

    private static long balance(CompletableFuture<IdempotentAnswer> answer) {
        return JsonPath.from(answer.join().body()).getLong("balance");
    }

    @Test
    void aBatchCommitsItsPostingsTogetherAndARefusedOneDoesNotStopTheOthers() {
        Api.TestMerchant shop = merchantOnReferenceProgram();
        for (String member : List.of("ann", "bo")) {
            as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/" + member).then().statusCode(201);
        }
        Merchant merchant = merchant(shop);
        as(shop.integrator()).body(Map.of("transactionId", "b-0", "memberId", "bo", "occurredAt", MARCH_5.toString(),
                "total", "10.00")).post("/merchants/" + shop.code() + "/purchases").then().statusCode(201);

        double committed = batcher.batches("committed").count();
        double rolledBack = batcher.batches("rolled-back").count();
        List<CompletableFuture<IdempotentAnswer>> answers = batcher.asOneBatch(List.of(
                postings.posting(merchant, purchase("b-1", "ann", MARCH_5, "50.00")),
                postings.posting(merchant, purchase("b-0", "bo", MARCH_5, "99.00")),   // the id of a posting with another payload
                postings.posting(merchant, purchase("b-2", "ann", MARCH_5, "30.00")),  // the same member again: sees b-1
                postings.posting(merchant, purchase("b-3", "bo", MARCH_5, "20.00"))));

        assertThat(balance(answers.get(0))).isEqualTo(50);
        assertThatThrownBy(answers.get(1)::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409));
        assertThat(balance(answers.get(2))).isEqualTo(80);
        assertThat(balance(answers.get(3))).isEqualTo(30);
        assertThat(batcher.batches("committed").count()).as("one commit for the batch").isEqualTo(committed + 1);
        assertThat(batcher.batches("rolled-back").count()).isEqualTo(rolledBack);
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/ann").then().body("balance", equalTo(80));
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/bo").then().body("balance", equalTo(30));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void aRefusalAfterAutoEnrolmentRollsTheBatchBackAndEveryPostingRunsAlone() {
        Api.TestMerchant shop = merchantOnReferenceProgram(); // auto-enrolment on
        Merchant merchant = merchant(shop);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        double rolledBack = batcher.batches("rolled-back").count();

        List<CompletableFuture<IdempotentAnswer>> answers = batcher.asOneBatch(List.of(
                postings.posting(merchant, purchase("r-1", "cy", MARCH_5, "40.00")),
                postings.posting(merchant, purchase("r-2", "newcomer", tomorrow, "10.00")), // enrols, then is refused
                postings.posting(merchant, purchase("r-3", "cy", MARCH_5, "5.00"))));

        assertThat(balance(answers.get(0))).isEqualTo(40);
        assertThatThrownBy(answers.get(1)::join).cause().isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(422));
        assertThat(balance(answers.get(2))).isEqualTo(45);
        assertThat(batcher.batches("rolled-back").count()).isEqualTo(rolledBack + 1);
        // nothing of the refused posting stays, not even the enrolment it made before being refused
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/newcomer").then().statusCode(404);
        as(shop.qa()).get("/merchants/" + shop.code() + "/members/cy/statement").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].balanceAfter", equalTo(45));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    @Test
    void anUnknownMemberIsRefusedInsideTheBatchWithoutRollingItBack() {
        Api.TestMerchant shop = merchantOnReferenceProgram(Map.of("autoEnrol", false));
        as(shop.integrator()).body(Map.of()).put("/merchants/" + shop.code() + "/members/dee").then().statusCode(201);
        Merchant merchant = merchant(shop);
        double committed = batcher.batches("committed").count();
        double rolledBack = batcher.batches("rolled-back").count();

        List<CompletableFuture<IdempotentAnswer>> answers = batcher.asOneBatch(List.of(
                postings.posting(merchant, purchase("u-1", "dee", MARCH_5, "12.00")),
                postings.posting(merchant, purchase("u-2", "ghost", MARCH_5, "10.00")),
                postings.posting(merchant, purchase("u-3", "dee", MARCH_5, "8.00"))));

        assertThat(balance(answers.get(0))).isEqualTo(12);
        assertThatThrownBy(answers.get(1)::join).cause().isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
        assertThat(balance(answers.get(2))).isEqualTo(20);
        assertThat(batcher.batches("committed").count()).as("the batch committed once").isEqualTo(committed + 1);
        assertThat(batcher.batches("rolled-back").count()).as("the 404 did not doom the batch").isEqualTo(rolledBack);
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }
}
