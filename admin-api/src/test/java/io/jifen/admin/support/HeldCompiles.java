package io.jifen.admin.support;

import io.jifen.engine.CompileHook;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The service's {@link CompileHook} in tests: does nothing until a test {@link #hold}s the compiles of
 * chosen rule sets (by content hash, so background compiles of other tests' versions pass through);
 * those then wait at their start, holding their compile slot, until {@link Held#release()}.
 */
@Singleton
public class HeldCompiles implements CompileHook {
    private volatile Held held;

    public Held hold(Set<String> contentHashes) {
        Held h = new Held(Set.copyOf(contentHashes));
        held = h;
        return h;
    }

    @Override
    public void compiling(String contentHash) {
        Held h = held;
        if (h != null && h.hashes.contains(contentHash)) {
            h.started.countDown();
            try {
                if (!h.released.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held compile was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public final class Held implements AutoCloseable {
        private final Set<String> hashes;
        private final CountDownLatch started;
        private final CountDownLatch released = new CountDownLatch(1);

        Held(Set<String> hashes) {
            this.hashes = hashes;
            this.started = new CountDownLatch(hashes.size());
        }

        /** Waits until every held rule set's compile holds its slot. */
        public void awaitAllStarted() throws InterruptedException {
            if (!started.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("held compiles did not all start");
            }
        }

        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
            if (held == this) {
                held = null;
            }
        }
    }
}
