package io.jifen.admin.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A replay split over evaluator threads by member ({@code jifen.simulation.threads} above 1): the thread
 * reading the stream parses each row and hands it, in batches, to the evaluator that owns its member
 * (member id modulo the evaluators), so each member's rows still arrive in order at one {@link Replay}.
 * Each evaluator folds into its own {@link ReportAggregator}; they are merged at the end. Queues are
 * bounded, so the reader waits when the evaluators fall behind and memory stays bounded.
 */
final class ParallelReplay {
    private static final int BATCH = 256;
    private static final Object END = new Object();

    private final int n;
    private final Replay[] replays;
    private final ReportAggregator[] reports;
    private final List<ArrayBlockingQueue<Object>> queues = new ArrayList<>();
    private final List<List<Replay.Row>> batches = new ArrayList<>();
    private final List<Future<?>> tasks = new ArrayList<>();
    private volatile RuntimeException failure;

    ParallelReplay(int evaluators, ExecutorService pool, IntFunction<ReportAggregator> report,
                   Function<ReportAggregator, Replay> replay) {
        this.n = evaluators;
        this.replays = new Replay[n];
        this.reports = new ReportAggregator[n];
        for (int i = 0; i < n; i++) {
            reports[i] = report.apply(i);
            replays[i] = replay.apply(reports[i]);
            queues.add(new ArrayBlockingQueue<>(8));
            batches.add(new ArrayList<>(BATCH));
        }
        for (int i = 0; i < n; i++) {
            int k = i;
            tasks.add(pool.submit(() -> evaluate(k)));
        }
    }

    private void evaluate(int k) {
        try {
            while (true) {
                Object item = queues.get(k).take();
                if (item == END) {
                    replays[k].finish();
                    return;
                }
                @SuppressWarnings("unchecked")
                List<Replay.Row> rows = (List<Replay.Row>) item;
                for (Replay.Row row : rows) {
                    replays[k].accept(row);
                }
            }
        } catch (InterruptedException e) {
            failed(new SimulationRunner.Stop(false));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Hands a row to its member's evaluator; throws what an evaluator failed with. */
    void accept(Replay.Row row) {
        rethrow();
        int k = (int) Math.floorMod(row.memberId(), (long) n);
        List<Replay.Row> batch = batches.get(k);
        batch.add(row);
        if (batch.size() == BATCH) {
            put(k, batch);
            batches.set(k, new ArrayList<>(BATCH));
        }
    }

    private void put(int k, Object item) {
        try {
            while (!queues.get(k).offer(item, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationRunner.Stop(false);
        }
    }

    private void rethrow() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    /** Hands over the last rows, waits for every evaluator, and returns the merged report. */
    ReportAggregator finish() {
        for (int k = 0; k < n; k++) {
            if (!batches.get(k).isEmpty()) {
                put(k, batches.get(k));
            }
            put(k, END);
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationRunner.Stop(false);
            } catch (ExecutionException e) {
                failed(new IllegalStateException(e.getCause()));
            }
        }
        rethrow();
        for (int k = 1; k < n; k++) {
            reports[0].merge(reports[k]);
        }
        return reports[0];
    }

    /** The run stopped on the reading side: the evaluators stop too. */
    void abort() {
        tasks.forEach(t -> t.cancel(true));
    }

    long processed() {
        long sum = 0;
        for (Replay r : replays) {
            sum += r.processed();
        }
        return sum;
    }
}
