package io.jifen.admin.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * A native statement assembled from parts (data-modifying CTEs, VALUES lists) whose parameters are
 * numbered as they are added, so no part counts positions for another. The ledger's writes are one
 * such statement each: one round trip however many entries, lots and events they carry.
 */
public final class SqlStatement {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private int ctes;

    /** A placeholder bound to {@code value}. */
    public String p(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    /** A placeholder cast to {@code sqlType}: a null or a VALUES row then still has a column type. */
    public String p(Object value, String sqlType) {
        return "cast(" + p(value) + " as " + sqlType + ")";
    }

    /** How many CTEs the statement has so far (for names that must not depend on the data). */
    public int ctes() {
        return ctes;
    }

    /** Adds {@code name as (body)} to the statement's WITH list. */
    public SqlStatement with(String name, String body) {
        sql.append(ctes++ == 0 ? "with " : ",\n").append(name).append(" as (").append(body).append(')');
        return this;
    }

    /** The rows of the statement ending in {@code last} (a SELECT naming its columns), read by alias. */
    public List<Tuple> tuples(EntityManager em, String last) {
        return Rows.tuples(bind(em.createNativeQuery(sql + "\n" + last, Tuple.class)));
    }

    /** The statement ending in {@code last} (a SELECT or a data-modifying statement), its parameters bound. */
    public Query query(EntityManager em, String last) {
        return bind(em.createNativeQuery(sql + "\n" + last));
    }

    private Query bind(Query query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.setFlushMode(FlushModeType.COMMIT);
    }
}
