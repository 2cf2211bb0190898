package io.jifen.admin.merchant;

import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.ruleset.Activation;
import io.jifen.admin.ruleset.ProgramRegistry;
import io.jifen.admin.ruleset.RuleVersion;
import io.jifen.admin.ruleset.RuleVersionFile;
import io.jifen.admin.security.ApiKeyService;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.Role;
import io.jifen.engine.compile.RuleFile;
import io.jifen.examples.ExampleMerchant;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * With {@code jifen.seed-example=true}, creates the Fresh Harbour example merchant on first start:
 * its settings, one key per role (printed once, never again), and the reference program as version
 * 1, active. Several instances starting together seed once (a transaction-scoped advisory lock).
 */
public class ExampleMerchantSeeder {
    private static final String SEEDER = "seeder";

    @Inject
    JifenConfig config;

    @Inject
    ApiKeyService keys;

    @Inject
    AuditLog audit;

    @Inject
    ProgramRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    jakarta.validation.Validator validator;

    /** The example's merchant.yaml, read as the API's merchant request and validated like one. */
    private MerchantRequest settingsOf(ExampleMerchant example) {
        try {
            MerchantRequest request = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(example.settingsYaml(), MerchantRequest.class);
            java.util.Set<jakarta.validation.ConstraintViolation<MerchantRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("the example merchant's settings are invalid: " + violations);
            }
            MerchantService.validate(request);
            return request;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the example merchant's settings", e);
        }
    }

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
            Merchant m = new Merchant();
            m.code = settings.code();
            m.createdAt = Instant.now();
            MerchantService.apply(m, settings);
            m.persist();
            audit.recordAs(SEEDER, m.id, "merchant.created", "merchant/" + m.code, "example merchant");
            StringBuilder out = new StringBuilder();
            for (Role role : new Role[] {Role.MARKETING, Role.INTEGRATOR, Role.QA}) {
                ApiKeyService.IssuedKey issued = keys.issueAs(SEEDER, m.id, role, "example " + role.name().toLowerCase());
                out.append(String.format("%n  %-10s %s", role, issued.secret()));
            }
            registry.compile(example.ruleSet()).orThrow();
            RuleVersion v = new RuleVersion();
            v.merchantId = m.id;
            v.number = 1;
            v.contentHash = example.ruleSet().contentHash();
            v.description = "reference program";
            v.createdAt = Instant.now();
            v.createdBy = SEEDER;
            v.persist();
            for (RuleFile f : example.ruleSet().files()) {
                RuleVersionFile file = new RuleVersionFile();
                file.ruleVersionId = v.id;
                file.name = f.name();
                file.content = f.content();
                file.persist();
            }
            Activation a = new Activation();
            a.merchantId = m.id;
            a.ruleVersionId = v.id;
            a.effectiveAt = Instant.now();
            a.createdAt = a.effectiveAt;
            a.createdBy = SEEDER;
            a.persist();
            audit.recordAs(SEEDER, m.id, "rule-version.activated", "rule-version/1", "reference program");
            return out.toString();
        });
        if (printed != null) {
            Log.infof("Seeded example merchant `%s` with the reference program active. API keys (shown once):%s",
                    settings.code(), printed);
        }
    }
}
