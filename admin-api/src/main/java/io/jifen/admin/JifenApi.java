package io.jifen.admin;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI description: every Jifen endpoint needs an API key in the X-Api-Key header. Every
 * operation's problem answers are declared by problem.ProblemResponses; OpenApiContractTest holds the
 * document to what integrators generate clients from, and docs/openapi.json is its checked-in copy.
 */
@OpenAPIDefinition(
        info = @Info(title = "Jifen admin API", version = "0.1.0",
                description = "Merchants, API keys, rule versions, members, purchases and events, the points ledger,"
                        + " the points mall, webhooks and impact simulations. Every call sends an API key in the"
                        + " X-Api-Key header. Errors are RFC 9457 application/problem+json (the Problem schema) with"
                        + " field-level `errors`; each operation lists the problem types it can answer with in"
                        + " `x-problem-types`. Money is a decimal string (\"12.50\"); requests may send a JSON number"
                        + " instead. Lists page with `limit` and a cursor (docs/api.md, \"Paging\")."),
        servers = @Server(url = "http://localhost:8080", description = "A service run locally (`java -jar`, the"
                + " README's run command); point a client's base URI at your deployment"),
        tags = {
                @Tag(name = "merchants", description = "Merchants and their points policy: created and changed by the"
                        + " platform ADMIN; the points policy also by MARKETING"),
                @Tag(name = "api keys and audit", description = "API keys per role, the platform's ADMIN keys, who"
                        + " the calling key is, and the audit log of configuration changes"),
                @Tag(name = "rule versions", description = "Versioned rule sets (MARKETING): uploads, live compiles"
                        + " and diffs of drafts, activation now or scheduled, files, suite runs on a version"),
                @Tag(name = "stored suites", description = "QA's stored regression suites: stored by name as YAML,"
                        + " revised, run on a version or a draft; they gate activations"),
                @Tag(name = "members", description = "Loyalty members (INTEGRATOR): enrolment, status, tier and tier"
                        + " history, listing and search"),
                @Tag(name = "transactions", description = "Purchases, member events and refunds, idempotent by their"
                        + " ids; dry runs that evaluate without posting; posted transactions read back"),
                @Tag(name = "ledger", description = "The points ledger: statements, adjustments, debits, transfers,"
                        + " freezing, points expiring soon, and the platform's ledger jobs"),
                @Tag(name = "mall", description = "The points mall: the catalog (MARKETING), members' prices, quotes,"
                        + " redemptions and their orders (INTEGRATOR)"),
                @Tag(name = "webhooks", description = "Webhook subscriptions and their deliveries: domain events"
                        + " signed and delivered to the merchant's endpoints"),
                @Tag(name = "simulations", description = "Impact simulations: a merchant's history replayed on a"
                        + " candidate version, with a report"),
                @Tag(name = "campaigns", description = "Campaigns (MARKETING): the window, audience and budgets of the"
                        + " rules that name them, their counters and metrics")
        },
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key")
public class JifenApi extends Application {
}
