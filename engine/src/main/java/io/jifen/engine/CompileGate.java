package io.jifen.engine;

import io.jifen.engine.compile.RuleSet;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bounds the compiles of one engine: at most {@code slots} at once, each on a thread of the gate's
 * own executor and abandoned after {@code timeout}.
 *
 * <p>A slot is a semaphore permit taken by the caller and given back by the compiling thread when
 * its work has really ended, not when the caller stopped waiting: Drools does not look at
 * interrupts inside the knowledge-base build, so an abandoned compile may run on for a while, and
 * it must go on counting, or repeated timeouts would pile up compiles beyond the limit. The
 * executor has no queue: a job only exists while it holds a slot, so there are never more compiling
 * threads than slots (plus idle ones, which end after 10 s).
 */
final class CompileGate {
    private static final AtomicInteger GATES = new AtomicInteger();

    private final int slots;
    private final Duration timeout;
    private final CompileHook hook;
    private final Semaphore permits;
    private final ExecutorService executor;
    /** Running jobs and when each reaches its time limit (System.nanoTime), for Retry-After. */
    private final Map<Job, Long> deadlines = new ConcurrentHashMap<>();

    CompileGate(int slots, Duration timeout, CompileHook hook) {
        this.slots = slots;
        this.timeout = timeout;
        this.hook = hook;
        this.permits = new Semaphore(slots, true);
        int gate = GATES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "jifen-compile-" + gate + "-" + threads.incrementAndGet());
            t.setDaemon(true); // an abandoned compile must never keep the JVM from exiting
            return t;
        };
        // idle threads end after 10 s: Drools and MVEL leave thread-local caches on a compiling thread
        // (about a third of what a compile leaves behind on the heap, BENCHMARKS.md section 7)
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory);
    }

    /**
     * Takes a slot (or answers Busy), loads the files on the calling thread (it may need the
     * caller's transaction), then compiles them on the gate's executor and waits at most the time limit.
     */
    CompilationResult run(WhenBusy whenBusy, String contentHash, Supplier<RuleSet> files,
                          Function<RuleSet, CompilationResult> compile) {
        if (!acquire(whenBusy)) {
            return new CompilationResult.Busy(slots, retryAfter());
        }
        Job job;
        try {
            RuleSet ruleSet = files.get();
            job = new Job(contentHash, ruleSet, compile);
            deadlines.put(job, System.nanoTime() + timeout.toNanos());
            executor.execute(job);
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
        try {
            return job.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            job.abandon();
            return new CompilationResult.TimedOut(timeout);
        } catch (InterruptedException e) {
            job.abandon();
            Thread.currentThread().interrupt();
            return new CompilationResult.TimedOut(timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private boolean acquire(WhenBusy whenBusy) {
        if (whenBusy == WhenBusy.REFUSE) {
            return permits.tryAcquire();
        }
        try {
            return permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Until the earliest running compile reaches its limit, in whole seconds, at least one. */
    private Duration retryAfter() {
        long now = System.nanoTime();
        long soonest = deadlines.values().stream().mapToLong(d -> d - now).min().orElse(0);
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(soonest / 1e9)));
    }

    /** Compiles holding a slot now, abandoned ones that have not stopped yet included. */
    int running() {
        return slots - permits.availablePermits();
    }

    int slots() {
        return slots;
    }

    /** One compile; runs whatever happens (even when abandoned before it started), so its slot always comes back. */
    private final class Job implements Runnable {
        final CompletableFuture<CompilationResult> result = new CompletableFuture<>();
        private final String contentHash;
        private final RuleSet ruleSet;
        private final Function<RuleSet, CompilationResult> compile;
        private Thread runner;
        private boolean abandoned;

        Job(String contentHash, RuleSet ruleSet, Function<RuleSet, CompilationResult> compile) {
            this.contentHash = contentHash;
            this.ruleSet = ruleSet;
            this.compile = compile;
        }

        @Override
        public void run() {
            CompilationResult outcome = null;
            Throwable failure = null;
            try {
                synchronized (this) {
                    if (abandoned) {
                        return;
                    }
                    runner = Thread.currentThread();
                }
                hook.compiling(contentHash);
                outcome = compile.apply(ruleSet);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                synchronized (this) {
                    runner = null;
                }
                Thread.interrupted(); // an interrupt meant for this job must not reach the pool's next one
                deadlines.remove(this);
                // the slot comes back before the caller hears of the result, so a caller that compiles
                // again at once finds it free
                permits.release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else if (outcome != null) {
                    result.complete(outcome);
                } else {
                    result.cancel(false); // abandoned before it started: nobody waits for it
                }
                hook.ended(contentHash);
            }
        }

        /** The caller gave up: interrupt the compile so it stops at its next check; its result is never read. */
        synchronized void abandon() {
            abandoned = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }
}
