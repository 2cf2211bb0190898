package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Which program a merchant's evaluation runs on. Resolved once per request, from the activation
 * table every instance shares: an evaluation that started on a version finishes on it, whatever is
 * activated meanwhile.
 */
@ApplicationScoped
public class RuleVersions {
    @Inject
    ProgramRegistry registry;

    public Optional<ActiveProgram> activeAt(Merchant merchant, Instant at) {
        return Activation.inForce(merchant.id, at)
                .map(a -> RuleVersion.<RuleVersion>findById(a.ruleVersionId))
                .map(v -> new ActiveProgram(v, registry.programOf(v)));
    }

    /** The active program now, or 409 explaining that nothing is active yet. */
    public ActiveProgram requireActive(Merchant merchant) {
        return activeAt(merchant, Instant.now()).orElseThrow(() -> ProblemException.conflict("no-active-rule-version",
                "merchant `" + merchant.code + "` has no active rule version: upload one and activate it "
                        + "(POST /merchants/" + merchant.code + "/rule-versions/{number}/activation)"));
    }

    /** Any version by number, drafts included (dry runs, suites). */
    public ActiveProgram version(Merchant merchant, int number) {
        RuleVersion v = RuleVersion.of(merchant.id, number)
                .orElseThrow(() -> ProblemException.notFound("rule version " + number + " of `" + merchant.code + "`"));
        return new ActiveProgram(v, registry.programOf(v));
    }
}
