package io.jifen.admin.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: the system clock, moved forward on demand so a test can make a
 * scheduled activation's instant arrive without waiting for it. Replaces the production
 * {@code Clock} bean, which is a default bean. Tests that advance it must {@link #reset()} it.
 */
@Singleton
public class AdjustableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Sets the clock to {@code at} (earlier or later than now); it runs on from there. */
    public void travelTo(Instant at) {
        offset.set(Duration.between(Instant.now(), at));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }
}
