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
import io.jifen.admin.redemption.catalog.CatalogModels;
import io.jifen.admin.redemption.catalog.CatalogService;
import io.jifen.admin.ruleset.RuleVersionService;
import io.jifen.admin.security.ApiKeyService;
import io.jifen.admin.security.Role;
import io.jifen.admin.suite.StoredSuites;
import io.jifen.examples.ExampleMerchant;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * With {@code jifen.seed-example=true}, creates the three example merchants of {@code examples/} —
 * Fresh Harbour (supermarket), Lumen Lane (online shop), Bright Path Academy (online education) — on
 * the first start that does not find them, through the same services the API uses: the settings, one
 * key per role (printed once, never again), the regression suites stored, the rule set as version 1
 * activated through the suite gate, the mall's items, and the campaigns. Each merchant is seeded in a
 * transaction of its own, only when its code does not exist yet; several instances starting together
 * seed once (a transaction-scoped advisory lock).
 */
@Singleton
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
    StoredSuites suites;

    @Inject
    CatalogService catalog;

    @Inject
    CampaignService campaigns;

    @Inject
    EntityManager em;

    @Inject
    Validator validator;

    void onStart(@Observes StartupEvent event) {
        if (config.seedExample()) {
            seedAll();
        }
    }

    /** Seeds every example merchant that does not exist yet; returns the codes seeded now. */
    public List<String> seedAll() {
        List<String> seeded = new ArrayList<>();
        for (ExampleMerchant example : ExampleMerchant.all()) {
            if (seed(example)) {
                seeded.add(example.code());
            }
        }
        return seeded;
    }

    private boolean seed(ExampleMerchant example) {
        MerchantRequest settings = settingsOf(example);
        List<CatalogModels.ItemRequest> items = catalogOf(example);
        List<CampaignModels.CampaignRequest> campaignRequests = campaignsOf(example);
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
            // the suites first, so the activation below goes through the suite gate like any release
            for (ExampleMerchant.SuiteText suite : example.suiteTexts()) {
                suites.storeAs(SEEDER, m, suite.name(), suite.text(), "example merchant");
            }
            RuleVersionService.Upload upload = versions.uploadAs(SEEDER, m, example.programName(), example.ruleSet().files());
            versions.activateAs(SEEDER, m, upload.version().number, null);
            for (CatalogModels.ItemRequest item : items) {
                catalog.createAs(SEEDER, m, item);
            }
            // after the catalog: a campaign names its items
            for (CampaignModels.CampaignRequest campaign : campaignRequests) {
                campaigns.createAs(SEEDER, m, campaign);
            }
            return out.toString();
        });
        if (printed == null) {
            return false;
        }
        Log.infof("Seeded example merchant `%s` with the %s active (suites: %d, mall items: %d, campaigns: %d)."
                        + " API keys (shown once):%s", settings.code(), example.programName(), example.suiteTexts().size(),
                items.size(), campaignRequests.size(), printed);
        return true;
    }

    /** The example's campaigns.yaml, read as the API's campaign requests and validated like them. */
    private List<CampaignModels.CampaignRequest> campaignsOf(ExampleMerchant example) {
        List<CampaignModels.CampaignRequest> requests = yaml(example.campaignsYaml(),
                new TypeReference<List<CampaignModels.CampaignRequest>>() {
                }, example, "campaigns");
        requests.forEach(r -> valid(r, example, "campaign `" + r.code() + "`"));
        return requests;
    }

    /** The example's catalog.yaml, read as the API's item requests and validated like them. */
    private List<CatalogModels.ItemRequest> catalogOf(ExampleMerchant example) {
        List<CatalogModels.ItemRequest> requests = yaml(example.catalogYaml(),
                new TypeReference<List<CatalogModels.ItemRequest>>() {
                }, example, "catalog");
        requests.forEach(r -> valid(r, example, "mall item `" + r.sku() + "`"));
        return requests;
    }

    /** The example's merchant.yaml, read as the API's merchant request and validated like one. */
    private MerchantRequest settingsOf(ExampleMerchant example) {
        return valid(yaml(example.settingsYaml(), new TypeReference<MerchantRequest>() {
        }, example, "settings"), example, "settings");
    }

    private static <T> T yaml(String text, TypeReference<T> type, ExampleMerchant example, String what) {
        try {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " of example merchant " + example.code(), e);
        }
    }

    private <T> T valid(T request, ExampleMerchant example, String what) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the " + what + " of example merchant " + example.code()
                    + " failed validation: " + violations);
        }
        return request;
    }
}
