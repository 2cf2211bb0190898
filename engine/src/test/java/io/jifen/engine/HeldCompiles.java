package io.jifen.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CompileHook} that holds every compile at its start until {@link #release()}, ignoring
 * interrupts (as Drools' build does), and counts compiles that started and ended: tests fill compile
 * slots and outlive time limits with it, independent of the machine's speed.
 */
final class HeldCompiles implements CompileHook {
    private final CountDownLatch released = new CountDownLatch(1);
    final CountDownLatch started;
    final CountDownLatch ended;

    HeldCompiles(int expectedCompiles) {
        started = new CountDownLatch(expectedCompiles);
        ended = new CountDownLatch(expectedCompiles);
    }

    @Override
    public void compiling(String contentHash) {
        started.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                if (released.await(30, TimeUnit.SECONDS)) {
                    break;
                }
                throw new AssertionError("a held compile was never released");
            } catch (InterruptedException e) {
                interrupted = true; // carry on holding, like a build that does not look at interrupts
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void ended(String contentHash) {
        ended.countDown();
    }

    void release() {
        released.countDown();
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for compiles");
        }
    }
}
