package io.jifen.admin.security;

import io.jifen.admin.JifenApi;
import io.jifen.admin.transaction.PurchaseResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JAX-RS resource method of the service says who may call it: {@link Allowed} roles or
 * {@link Public}, on the method or its class. ApiKeyFilter refuses a method that says neither (403
 * to every key); this test names it before it ships (issue 11, part 8).
 */
class ResourceMethodsDeclareAccessTest {

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<Method> methods = resourceMethods();
        // the service has some 60 endpoints: finding few means the scan is broken, not that all is well
        assertThat(methods).as("resource methods found").hasSizeGreaterThan(50);
        List<String> undeclared = methods.stream().filter(m -> !declaresAccess(m))
                .map(m -> m.getDeclaringClass().getName() + "#" + m.getName()).sorted().toList();
        assertThat(undeclared).as("resource methods with neither @Allowed nor @Public").isEmpty();
    }

    @Test
    void theScanFindsAMethodThatDeclaresNothing() {
        assertThat(isResourceMethod(UndeclaredAccessResource.class, "undeclared")).isTrue();
        assertThat(declaresAccess(method(UndeclaredAccessResource.class, "undeclared"))).isFalse();
        assertThat(declaresAccess(method(PurchaseResource.class, "purchase"))).isTrue();
    }

    /** Every class of the service's own output (not the tests') under io.jifen.admin with @Path and an HTTP method. */
    static List<Method> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of(JifenApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.nio.file.Path packageDir = root.resolve("io/jifen/admin");
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(packageDir)) {
            names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
        assertThat(names).as("classes under " + packageDir).isNotEmpty();
        List<Method> methods = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, ResourceMethodsDeclareAccessTest.class.getClassLoader());
            if (!c.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isResourceMethod(m)) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    /** An HTTP method (GET, POST, … or any annotation marked @HttpMethod), or a sub-resource locator. */
    static boolean isResourceMethod(Method m) {
        return Arrays.stream(m.getAnnotations()).map(Annotation::annotationType)
                .anyMatch(t -> t.isAnnotationPresent(HttpMethod.class) || t == Path.class);
    }

    private static boolean isResourceMethod(Class<?> c, String name) {
        return isResourceMethod(method(c, name));
    }

    static boolean declaresAccess(Method m) {
        Class<?> c = m.getDeclaringClass();
        return m.isAnnotationPresent(Allowed.class) || m.isAnnotationPresent(Public.class)
                || c.isAnnotationPresent(Allowed.class) || c.isAnnotationPresent(Public.class);
    }

    private static Method method(Class<?> c, String name) {
        return Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }
}
