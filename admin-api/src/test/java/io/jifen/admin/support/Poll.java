package io.jifen.admin.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition another process or thread brings about: polled, bounded by a deadline. */
public final class Poll {
    private static final Duration INTERVAL = Duration.ofMillis(25);

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} and the last {@code state} at the deadline. */
    public static void until(String what, Duration within, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what + "; last seen: " + state.get());
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
        }
    }
}
