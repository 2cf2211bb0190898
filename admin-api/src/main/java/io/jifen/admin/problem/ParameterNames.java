package io.jifen.admin.problem;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.util.Optional;

/** A resource parameter's name as the URL, header or form spells it, read from its JAX-RS annotation. */
final class ParameterNames {
    private ParameterNames() {
    }

    static Optional<String> of(Annotation[] annotations) {
        for (Annotation a : annotations) {
            String name = a instanceof QueryParam q ? q.value()
                    : a instanceof PathParam p ? p.value()
                    : a instanceof HeaderParam h ? h.value()
                    : a instanceof FormParam f ? f.value()
                    : a instanceof RestQuery q ? q.value()
                    : a instanceof RestPath p ? p.value()
                    : a instanceof RestForm f ? f.value()
                    : a instanceof RestHeader h ? h.value()
                    : null;
            if (name != null && !name.isEmpty()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
