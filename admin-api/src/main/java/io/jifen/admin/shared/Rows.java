package io.jifen.admin.shared;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Columns of native-query rows read by their alias, not their position: a query built with
 * {@code em.createNativeQuery(sql, Tuple.class)} names every column it reads ({@code select o.id,
 * m.external_id as member_id ...}), so adding or reordering a column cannot shift the others. Numbers
 * come back as whatever JDBC type the column has (integer, bigint, numeric, a count's bigint), so they
 * are read as {@link Number}; aliases are lower case, as PostgreSQL reports them.
 */
public final class Rows {
    private Rows() {
    }

    /** The rows of a query created with {@code Tuple.class}. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> tuples(Query query) {
        return query.getResultList();
    }

    /** A column that is never null (a key, a count, a {@code not null} column). */
    public static long longValue(Tuple row, String alias) {
        return number(row, alias, true).longValue();
    }

    public static Long nullableLong(Tuple row, String alias) {
        Number n = number(row, alias, false);
        return n == null ? null : n.longValue();
    }

    public static int intValue(Tuple row, String alias) {
        return number(row, alias, true).intValue();
    }

    public static Integer nullableInt(Tuple row, String alias) {
        Number n = number(row, alias, false);
        return n == null ? null : n.intValue();
    }

    public static String string(Tuple row, String alias) {
        return (String) row.get(alias);
    }

    public static BigDecimal decimal(Tuple row, String alias) {
        Object v = row.get(alias);
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    public static Boolean bool(Tuple row, String alias) {
        return (Boolean) row.get(alias);
    }

    public static Instant instant(Tuple row, String alias) {
        return SqlValues.instant(row.get(alias));
    }

    public static LocalDate date(Tuple row, String alias) {
        return SqlValues.date(row.get(alias));
    }

    public static LocalDateTime localDateTime(Tuple row, String alias) {
        return SqlValues.localDateTime(row.get(alias));
    }

    /** A closed-set column by its constant's name; null stays null. */
    public static <E extends Enum<E>> E enumValue(Tuple row, String alias, Class<E> type) {
        String name = (String) row.get(alias);
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Number number(Tuple row, String alias, boolean required) {
        Number n = (Number) row.get(alias);
        if (n == null && required) {
            throw new IllegalStateException("column `" + alias + "` is null");
        }
        return n;
    }
}
