package io.jifen.engine.facts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The evaluation instant in the merchant's time zone. Rules read dates from here, never from the
 * wall clock, so evaluating the same inputs twice gives the same result.
 */
public final class ProgramCalendar {
    private final Instant instant;
    private final ZoneId zone;
    private final LocalDateTime localDateTime;

    public ProgramCalendar(Instant instant, ZoneId zone) {
        this.instant = Objects.requireNonNull(instant, "instant");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.localDateTime = LocalDateTime.ofInstant(instant, zone);
    }

    public Instant getInstant() { return instant; }
    public String getZone() { return zone.getId(); }
    public LocalDateTime getDateTime() { return localDateTime; }
    public LocalDate getDate() { return localDateTime.toLocalDate(); }
    public LocalTime getTime() { return localDateTime.toLocalTime(); }
    public int getYear() { return localDateTime.getYear(); }
    public int getMonth() { return localDateTime.getMonthValue(); }
    public int getDayOfMonth() { return localDateTime.getDayOfMonth(); }
    /** ISO day of week: 1 = Monday … 7 = Sunday. */
    public int getDayOfWeek() { return localDateTime.getDayOfWeek().getValue(); }
    public DayOfWeek getWeekday() { return localDateTime.getDayOfWeek(); }
    /** True on the last day of the month. */
    public boolean isLastDayOfMonth() {
        return localDateTime.getDayOfMonth() == localDateTime.toLocalDate().lengthOfMonth();
    }

    /** True when the local date lies in [from, to], both inclusive, given as ISO dates (yyyy-MM-dd). */
    public boolean isBetween(String from, String to) {
        LocalDate date = getDate();
        return !date.isBefore(LocalDate.parse(from)) && !date.isAfter(LocalDate.parse(to));
    }

    @Override
    public String toString() {
        return "ProgramCalendar[" + localDateTime + " " + zone + "]";
    }
}
