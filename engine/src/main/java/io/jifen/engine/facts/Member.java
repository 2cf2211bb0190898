package io.jifen.engine.facts;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Objects;

/** What the program knows of the member at evaluation time. */
public final class Member {
    public static final String ACTIVE = "ACTIVE";
    public static final String FROZEN = "FROZEN";

    private final String id;
    private final String tier;
    private final String status;
    private final LocalDate enrolledOn;
    private final LocalDate birthday;
    private final Map<String, String> attributes;

    public Member(String id, String tier, String status, LocalDate enrolledOn, LocalDate birthday,
                  Map<String, String> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.tier = tier == null ? "" : tier;
        this.status = status == null ? ACTIVE : status;
        this.enrolledOn = enrolledOn;
        this.birthday = birthday;
        this.attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    public String getId() { return id; }
    public String getTier() { return tier; }
    public String getStatus() { return status; }
    public LocalDate getEnrolledOn() { return enrolledOn; }
    public LocalDate getBirthday() { return birthday; }
    public Map<String, String> getAttributes() { return attributes; }

    public String attribute(String name) { return attributes.getOrDefault(name, ""); }

    /** True when the given merchant-local date is the member's birthday (29 February counts on 28 February in other years). */
    public boolean isBirthday(LocalDate date) {
        if (birthday == null || date == null) {
            return false;
        }
        MonthDay born = MonthDay.from(birthday);
        if (!date.isLeapYear() && born.getMonthValue() == 2 && born.getDayOfMonth() == 29) {
            born = MonthDay.of(2, 28);
        }
        return MonthDay.from(date).equals(born);
    }

    @Override
    public String toString() {
        return "Member[" + id + " " + tier + " " + status + "]";
    }
}
