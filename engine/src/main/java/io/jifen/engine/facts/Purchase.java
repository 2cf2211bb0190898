package io.jifen.engine.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A paid order. {@code localDateTime} is the instant seen in the merchant's time zone, so "member
 * day" and campaign windows follow the merchant's calendar, not the server's.
 */
public final class Purchase {
    private final String id;
    private final Instant occurredAt;
    private final LocalDateTime localDateTime;
    private final String channel;
    private final String store;
    private final BigDecimal total;
    private final String currency;
    private final List<LineItem> lines;

    public Purchase(String id, Instant occurredAt, ZoneId zone, String channel, String store,
                    BigDecimal total, String currency, List<LineItem> lines) {
        this.id = Objects.requireNonNull(id, "id");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.localDateTime = LocalDateTime.ofInstant(occurredAt, Objects.requireNonNull(zone, "zone"));
        this.channel = channel == null ? "" : channel;
        this.store = store == null ? "" : store;
        this.lines = List.copyOf(lines == null ? List.of() : lines);
        this.total = total != null ? total : sumOf(this.lines);
        this.currency = currency;
    }

    private static BigDecimal sumOf(List<LineItem> lines) {
        return lines.stream().map(LineItem::getAmount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public LocalDateTime getLocalDateTime() { return localDateTime; }
    public LocalDate getLocalDate() { return localDateTime.toLocalDate(); }
    public LocalTime getLocalTime() { return localDateTime.toLocalTime(); }
    public String getChannel() { return channel; }
    public String getStore() { return store; }
    public BigDecimal getTotal() { return total; }
    public String getCurrency() { return currency; }
    public List<LineItem> getLines() { return lines; }

    @Override
    public String toString() {
        return "Purchase[" + id + " " + total + " " + currency + " at " + localDateTime + "]";
    }
}
