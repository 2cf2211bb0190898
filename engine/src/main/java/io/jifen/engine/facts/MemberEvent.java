package io.jifen.engine.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/** Something a member did that may earn task points: see {@link EventTypes} for the known types. */
public final class MemberEvent {
    private final String id;
    private final String type;
    private final Instant occurredAt;
    private final LocalDateTime localDateTime;
    private final Map<String, String> attributes;

    public MemberEvent(String id, String type, Instant occurredAt, ZoneId zone, Map<String, String> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.localDateTime = LocalDateTime.ofInstant(occurredAt, Objects.requireNonNull(zone, "zone"));
        this.attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    public String getId() { return id; }
    public String getType() { return type; }
    public Instant getOccurredAt() { return occurredAt; }
    public LocalDateTime getLocalDateTime() { return localDateTime; }
    public Map<String, String> getAttributes() { return attributes; }

    /** The attribute's value, or the empty string when absent (so rules never meet null). */
    public String attribute(String name) { return attributes.getOrDefault(name, ""); }

    @Override
    public String toString() {
        return "MemberEvent[" + id + " " + type + " at " + localDateTime + "]";
    }
}
