package io.jifen.admin.seeding;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jifen.admin.campaign.CampaignModels;
import io.jifen.admin.campaign.CampaignService;
import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.MerchantRequest;
import io.jifen.admin.merchant.MerchantService;
import io.jifen.admin.ruleset.RuleVersionService;
import io.jifen.admin.security.ApiKeyService;
import io.jifen.admin.security.Role;
import io.jifen.examples.ExampleMerchant;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * With {@code jifen.seed-example=true}, creates the Fresh Harbour example merchant on first start
 * through the same services the API uses: its settings, one key per role (printed once, never
 * again), and the reference program as version 1, active. Several instances starting together seed
 * once (a transaction-scoped advisory lock).
 */
public class ExampleMerchantSeeder {
    private static final String SEEDER = "seeder";

    @Inject
    JifenConfig config;

    @Inject
    MerchantService merchants;

    @Inject
    ApiKeyService keys;

    @Inject
    RuleVersionService versions;

    @Inject
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    CampaignService campaigns;

    void onStart(@Observes StartupEvent event) {
        if (!config.seedExample()) {
            return;
        }
        ExampleMerchant example = ExampleMerchant.supermarket();
        MerchantRequest settings = settingsOf(example);
        String printed = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(7400001)").getSingleResult();
            if (Merchant.byCode(settings.code()).isPresent()) {
                return null;
            }
            Merchant m = merchants.createAs(SEEDER, settings);
            StringBuilder out = new StringBuilder();
            for (Role role : new Role[] {Role.MARKETING, Role.INTEGRATOR, Role.QA}) {
                ApiKeyService.IssuedKey issued = keys.issueAs(SEEDER, m.id, role, "example " + role.name().toLowerCase());
                out.append(String.format("%n  %-10s %s", role, issued.secret()));
            }
            RuleVersionService.Upload upload = versions.uploadAs(SEEDER, m, "reference program", example.ruleSet().files());
            versions.activateAs(SEEDER, m, upload.version().number, null);
            for (CampaignModels.CampaignRequest campaign : campaignsOf(example)) {
                campaigns.createAs(SEEDER, m, campaign);
            }
            return out.toString();
        });
        if (printed != null) {
            Log.infof("Seeded example merchant `%s` with the reference program active. API keys (shown once):%s",
                    settings.code(), printed);
        }
    }

    /** The example's campaigns.yaml, read as the API's campaign requests and validated like them. */
    private List<CampaignModels.CampaignRequest> campaignsOf(ExampleMerchant example) {
        List<CampaignModels.CampaignRequest> requests = yaml(example.campaignsYaml(),
                new TypeReference<List<CampaignModels.CampaignRequest>>() {
                }, "campaigns");
        requests.forEach(r -> valid(r, "campaign `" + r.code() + "`"));
        return requests;
    }

    /** The example's merchant.yaml, read as the API's merchant request and validated like one. */
    private MerchantRequest settingsOf(ExampleMerchant example) {
        return valid(yaml(example.settingsYaml(), new TypeReference<MerchantRequest>() {
        }, "settings"), "settings");
    }

    private static <T> T yaml(String text, TypeReference<T> type, String what) {
        try {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example merchant's " + what, e);
        }
    }

    private <T> T valid(T request, String what) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the example merchant's " + what + " failed validation: " + violations);
        }
        return request;
    }
}
