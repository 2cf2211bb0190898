package io.jifen.admin.security;

import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Authenticates every API call by its {@code X-Api-Key} header (401 without a valid key) and
 * enforces the method's {@link Allowed} roles (403). Tenancy — a key of merchant A asking for
 * merchant B — is checked where the merchant is resolved (merchant.Tenancy, a package above this one:
 * security knows keys and roles, not merchants), answering 404.
 *
 * <p>Deny by default: a resource method that declares neither {@link Allowed} nor {@link Public} (on
 * itself or its class) answers 403 to every caller, whatever the key. Forgetting the annotation then
 * closes an endpoint instead of opening it; ResourceMethodsDeclareAccessTest fails the build naming
 * such a method, so the refusal is not what anyone meets in production. (Refusing to start instead
 * would take every endpoint down for one forgotten annotation.) Health, metrics, OpenAPI and Swagger
 * UI are not JAX-RS resources: Quarkus serves them on its own routes, which this filter never sees.
 */
public class ApiKeyFilter {
    public static final String HEADER = "X-Api-Key";
    private static final String BOOTSTRAP_KEY_ID = "bootstrap-admin";

    @Inject
    CallerContext callerContext;

    @Inject
    JifenConfig config;

    @Inject
    CallerCache cache;

    /** The bootstrap key's hash, computed once rather than on every request. */
    private volatile byte[] bootstrapHash;

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty(); // nothing matched: the answer is 404 or 405, and reveals no resource
        }
        if (isPublic(resource)) {
            return Optional.empty();
        }
        Allowed allowed = allowedOf(resource);
        if (allowed == null) {
            return Optional.of(problem(request, ProblemType.FORBIDDEN,
                    "this operation declares no role that may call it, so no key may; this is a defect of the service"));
        }
        String secret = request.getHeaderString(HEADER);
        if (secret == null || secret.isBlank()) {
            return Optional.of(problem(request, ProblemType.UNAUTHORIZED, "send an API key in the " + HEADER + " header"));
        }
        Caller caller = resolve(secret.strip());
        if (caller == null) {
            return Optional.of(problem(request, ProblemType.UNAUTHORIZED, "the API key is unknown or revoked"));
        }
        if (Arrays.stream(allowed.value()).noneMatch(r -> r == caller.role())) {
            return Optional.of(problem(request, ProblemType.FORBIDDEN, Role.article(caller.role()) + " " + caller.role()
                    + " key may not do this; it needs " + Role.oneOf(allowed.value())));
        }
        callerContext.set(caller);
        return Optional.empty();
    }

    private Caller resolve(String secret) {
        byte[] hash = ApiKeySecrets.hash(secret);
        if (bootstrapHash == null) {
            bootstrapHash = ApiKeySecrets.hash(config.bootstrapAdminKey());
        }
        if (MessageDigest.isEqual(hash, bootstrapHash)) {
            return new Caller(BOOTSTRAP_KEY_ID, Role.ADMIN, null);
        }
        return cache.get(hash, () -> QuarkusTransaction.joiningExisting().call(() -> {
            ApiKey key = ApiKey.find("secretHash", hash).firstResult();
            if (key == null || (key.revokedAt != null && !key.revokedAt.isAfter(Instant.now()))) {
                return null;
            }
            return new Caller(key.id, key.role, key.merchantId);
        }));
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(Public.class)
                || resource.getResourceClass().isAnnotationPresent(Public.class);
    }

    private static Allowed allowedOf(ResourceInfo resource) {
        Allowed onMethod = resource.getResourceMethod().getAnnotation(Allowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Allowed.class);
    }

    /** The same body the exception mappers write: {@code instance} is the request's path. */
    private static Response problem(ContainerRequestContext request, ProblemType type, String detail) {
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(ProblemException.of(type, detail).toProblem(request.getUriInfo().getPath())).build();
    }
}
