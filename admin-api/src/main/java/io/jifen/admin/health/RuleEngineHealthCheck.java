package io.jifen.admin.health;

import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the rule engine can compile a rule set at runtime inside this application: the check
 * that matters before the service accepts rule uploads (the database joins this in the service issue).
 */
@Readiness
@ApplicationScoped
public class RuleEngineHealthCheck implements HealthCheck {
    private static final RuleSet PROBE = RuleSet.of(RuleFile.text("probe.drl", """
            package jifen.probe;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            rule "probe"
                ruleflow-group "bonus"
            when
                MemberEvent(type == "PROBE")
            then
                actions.bonus(1, "TASK", "probe");
            end
            """));

    private final LoyaltyEngine engine = new LoyaltyEngine();

    @Override
    public HealthCheckResponse call() {
        try {
            engine.compile(PROBE).orThrow();
            return HealthCheckResponse.named("rule-engine").up().build();
        } catch (RuntimeException e) {
            Log.warn("rule engine probe failed", e);
            return HealthCheckResponse.named("rule-engine").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
