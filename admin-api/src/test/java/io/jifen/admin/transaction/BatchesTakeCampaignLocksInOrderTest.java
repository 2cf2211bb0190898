package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.MerchantDirectory;
import io.jifen.admin.shared.IdempotentAnswer;
import io.jifen.admin.support.Api;
import io.jifen.admin.support.LedgerInvariants;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.jifen.admin.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A batch takes campaign locks in id order only: a posting that needs a campaign below one the batch holds
 * would risk a lock cycle with another batch, so the batch is rolled back and its postings run alone, each
 * answered exactly as it would be unbatched.
 */
@QuarkusTest
class BatchesTakeCampaignLocksInOrderTest {
    private static final Instant NOVEMBER_20 = Instant.parse("2026-11-20T04:00:00Z");
    private static final String PROGRAM = """
            package jifen.campaigns;
            import io.jifen.engine.facts.*;
            global RuleActions actions;

            rule "small baskets" @campaign("low")
                ruleflow-group "bonus"
            when
                Purchase(total < 50)
            then
                actions.bonus(5, "BASKET", "campaign low: small baskets");
            end

            rule "big baskets" @campaign("high")
                ruleflow-group "bonus"
            when
                Purchase(total >= 50)
            then
                actions.bonus(9, "BASKET", "campaign high: big baskets");
            end
            """;

    @Inject
    PostingService postings;

    @Inject
    PostingBatcher batcher;

    @Inject
    MerchantDirectory merchants;

    @Test
    void aPostingNeedingALowerCampaignThanTheBatchHoldsSendsTheBatchToRunAlone() {
        Api.TestMerchant shop = Api.newMerchant();
        int version = Api.upload(shop, RuleSet.of(RuleFile.text("earning.drl", PROGRAM)));
        as(shop.marketing()).post("/merchants/" + shop.code() + "/rule-versions/" + version + "/activation").then()
                .statusCode(200);
        for (String code : List.of("low", "high")) { // "low" is defined first: the lower id
            as(shop.marketing()).body(Map.of("code", code, "name", code, "startsAt", "2026-11-01T00:00",
                    "endsAt", "2027-01-01T00:00", "budget", Map.of("total", 100)))
                    .post("/merchants/" + shop.code() + "/campaigns").then().statusCode(201);
        }
        Merchant merchant = QuarkusTransaction.requiringNew().call(() -> merchants.byCode(shop.code()).orElseThrow());
        double rolledBack = batcher.batches("rolled-back").count();

        List<CompletableFuture<IdempotentAnswer>> answers = batcher.asOneBatch(List.of(
                postings.posting(merchant, purchase("big", "ann", "60.00")),    // locks "high"
                postings.posting(merchant, purchase("small", "bo", "10.00")))); // needs "low", below it

        assertThat(JsonPath.from(answers.get(0).join().body()).getLong("totalPoints")).isEqualTo(9);
        assertThat(JsonPath.from(answers.get(1).join().body()).getLong("totalPoints")).isEqualTo(5);
        assertThat(batcher.batches("rolled-back").count()).isEqualTo(rolledBack + 1);
        as(shop.qa()).get("/merchants/" + shop.code() + "/campaigns/high").then().body("awarded", equalTo(9));
        as(shop.qa()).get("/merchants/" + shop.code() + "/campaigns/low").then().body("awarded", equalTo(5));
        assertThat(LedgerInvariants.violations(shop.code())).isEmpty();
    }

    private static TransactionModels.PurchaseRequest purchase(String id, String member, String amount) {
        return new TransactionModels.PurchaseRequest(id, member, NOVEMBER_20, null, null, null, new BigDecimal(amount),
                List.of(new TransactionModels.LineRequest("RICE", "grocery", 1, null, new BigDecimal(amount))));
    }
}
