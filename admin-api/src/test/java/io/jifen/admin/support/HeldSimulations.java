package io.jifen.admin.support;

import io.jifen.admin.simulation.SimulationHook;
import jakarta.inject.Singleton;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's {@link SimulationHook} in tests: does nothing until a test {@link #holdAt}s a point in a
 * run; the first run of the given merchant to replay that many transactions then waits there, holding
 * its thread and its lock, until {@link Hold#release()}. So "mid-run" is a place, not a moment.
 */
@Singleton
public class HeldSimulations implements SimulationHook {
    private volatile Hold hold;

    /** Holds the next run that has replayed {@code processed} transactions (of any merchant). */
    public Hold holdAt(long processed) {
        Hold h = new Hold(processed);
        hold = h;
        return h;
    }

    @Override
    public void replayed(long runId, long processed) {
        Hold h = hold;
        if (h != null && processed == h.at && h.runId.compareAndSet(0, runId)) {
            h.reached.countDown();
            try {
                if (!h.released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held simulation was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public final class Hold implements AutoCloseable {
        private final long at;
        private final AtomicLong runId = new AtomicLong();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        Hold(long at) {
            this.at = at;
        }

        /** Waits until a run is held; returns its id. */
        public long awaitHeld() throws InterruptedException {
            if (!reached.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("no simulation reached transaction " + at + " within 60 s");
            }
            return runId.get();
        }

        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
            if (hold == this) {
                hold = null;
            }
        }
    }
}
