package io.jifen.admin.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The ranges the API accepts for money, points and time (docs/api.md, "Accepted values"). A value
 * outside them is refused with 422 naming the field, before anything is evaluated or written: past
 * these bounds the database column overflows (money), sums of points overflow (points), or the
 * calendar conversions of PostgreSQL and java.time disagree or fail (times before 1582 shift by days;
 * years beyond ±999,999,999 do not exist in java.time).
 */
public final class Inputs {
    /** Money columns are numeric(19,4): 15 digits before the decimal point, 4 after. */
    public static final int MONEY_DECIMALS = 4;
    public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999999.9999");
    /** The most points one request may name: far above any real account, far below overflow of a sum. */
    public static final long MAX_POINTS = 1_000_000_000_000L;
    /** Instants: from the Unix epoch to the end of year 9999. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** Calendar dates (birthdays, enrolment): from 1900 to the end of year 9999. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    /** What a page size outside its range is told (query parameter {@code limit}). */
    public static final String LIMIT_500 = "must be a whole number between 1 and 500";
    public static final String DAYS = "must be a whole number between 1 and 366";

    private Inputs() {
    }

    /** An amount of money the money columns hold: at most 15 digits before the point and 4 after. */
    @Documented
    @Constraint(validatedBy = MoneyValidator.class)
    @Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
    @Retention(RUNTIME)
    public @interface Money {
        String message() default "must be between -999999999999999.9999 and 999999999999999.9999 with at most 4 decimal places";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z. */
    @Documented
    @Constraint(validatedBy = MomentValidator.class)
    @Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
    @Retention(RUNTIME)
    public @interface Moment {
        String message() default "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A calendar date from 1900-01-01 to 9999-12-31. */
    @Documented
    @Constraint(validatedBy = CalendarDateValidator.class)
    @Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
    @Retention(RUNTIME)
    public @interface CalendarDate {
        String message() default "must be between 1900-01-01 and 9999-12-31";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static boolean isMoney(BigDecimal value) {
        // compared without toPlainString: 1e400 or 1e-999999999 must cost nothing to refuse
        return value.abs().compareTo(MAX_MONEY) <= 0 && value.stripTrailingZeros().scale() <= MONEY_DECIMALS;
    }

    public static class MoneyValidator implements ConstraintValidator<Money, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || isMoney(value);
        }
    }

    public static class MomentValidator implements ConstraintValidator<Moment, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
        }
    }

    public static class CalendarDateValidator implements ConstraintValidator<CalendarDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST_DATE) && !value.isAfter(LATEST_DATE));
        }
    }
}
