package io.jifen.admin.shared;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Column values of native queries, whichever JDBC type the driver returned them as. */
public final class SqlValues {
    private SqlValues() {
    }

    public static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp ts ? ts.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    public static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** A {@code timestamp} (without time zone) column: a wall-clock time. */
    public static LocalDateTime localDateTime(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }
}
