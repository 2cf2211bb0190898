package io.jifen.admin.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method (or class) that any caller may use without an API key. {@link ApiKeyFilter}
 * refuses a resource method that has neither this nor {@link Allowed}, so being public is always a
 * written decision. No Jifen endpoint is public today; health, metrics and OpenAPI are served by
 * Quarkus outside JAX-RS.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {
}
