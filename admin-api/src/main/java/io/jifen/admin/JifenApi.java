package io.jifen.admin;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI description: every Jifen endpoint needs an API key in the X-Api-Key header. */
@OpenAPIDefinition(
        info = @Info(title = "Jifen admin API", version = "0.1.0",
                description = "Merchants, API keys, rule versions, members, purchases and events, the points ledger. "
                        + "Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key")
public class JifenApi extends Application {
}
