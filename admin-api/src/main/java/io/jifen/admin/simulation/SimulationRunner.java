package io.jifen.admin.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.jifen.admin.campaign.BudgetReplay;
import io.jifen.admin.campaign.CampaignDefinition;
import io.jifen.admin.campaign.CampaignQueries;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.ruleset.ProgramRegistry;
import io.jifen.admin.ruleset.RuleVersion;
import io.jifen.engine.CompiledProgram;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Runs simulation runs on a bounded pool ({@code jifen.simulation.threads}, one by default) and keeps
 * them from being lost.
 *
 * <p>A runner claims the oldest QUEUED run by taking the session-level advisory lock
 * {@code (7400014, id)} on a connection it keeps for the whole run, and only then marks the run RUNNING.
 * The lock lives as long as the run is worked on, by this instance or another, and PostgreSQL releases it
 * when the session ends, so a RUNNING run whose lock can be taken has lost its runner (the service
 * stopped or died): {@link #recover()}, at start-up and every {@code jifen.simulation.sweep-every}, puts
 * it back in the queue to run again from the start (counted in {@code restarts}), or, past
 * {@code jifen.simulation.max-restarts}, marks it FAILED saying why.
 *
 * <p>While postings are being served a run pauses part of its time ({@code yield-to-postings}); its
 * thread also has the lowest Java priority (which Linux ignores unless the JVM is told otherwise, see
 * docs/operations.md).
 */
@ApplicationScoped
public class SimulationRunner {
    static final int LOCK_CLASS = 7400014;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CampaignQueries campaignDefinitions;

    @Inject
    SimulationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ProgramRegistry programs;

    @Inject
    MeterRegistry metrics;

    @Inject
    Instance<SimulationHook> hooks;

    /** The one thread that runs a run (reads and parses its stream, and evaluates when threads = 1). */
    private ExecutorService pool;
    /** threads - 1 evaluator threads, or none. */
    private ExecutorService evaluators;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger signals = new AtomicInteger();
    private volatile boolean stopping;
    /** Runs this instance works on, by id: a cancellation requested here is seen at the next transaction. */
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    private static final class Running {
        volatile boolean cancelled;
    }

    /** Thrown inside a run to stop it: cancelled (the run is CANCELLED) or the service stopping (it stays RUNNING). */
    static final class Stop extends RuntimeException {
        final boolean cancelled;

        Stop(boolean cancelled) {
            super(null, null, false, false);
            this.cancelled = cancelled;
        }
    }

    void onStart(@Observes StartupEvent event) {
        pool = Executors.newSingleThreadExecutor(r -> thread(r, "jifen-simulation"));
        AtomicInteger n = new AtomicInteger();
        evaluators = config.threads() > 1
                ? Executors.newFixedThreadPool(config.threads() - 1, r -> thread(r, "jifen-simulation-eval-" + n.incrementAndGet()))
                : null;
        try {
            sweep();
        } catch (RuntimeException e) {
            Log.warnf(e, "simulations: the start-up sweep failed; the next sweep retries");
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (evaluators != null) {
            evaluators.shutdownNow();
        }
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Scheduled(identity = "simulation-sweep", every = "${jifen.simulation.sweep-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            Log.warnf(e, "simulations: sweep failed, retrying at the next one");
        }
    }

    /** Recovers runs that lost their runner, then starts queued runs if a thread is free. */
    public void sweep() {
        recover();
        dispatch();
    }

    /** A run was queued: start it now if a simulation thread is free (else a busy thread takes it next). */
    public void dispatch() {
        signals.incrementAndGet();
        if (stopping || pool == null) {
            return;
        }
        while (true) {
            int b = busy.get();
            if (b >= 1) {
                return;
            }
            if (busy.compareAndSet(b, b + 1)) {
                pool.execute(this::work);
                return;
            }
        }
    }

    /** Asks a run this instance works on to stop at its next transaction (the database flag reaches other instances). */
    void cancelling(long runId) {
        Running r = running.get(runId);
        if (r != null) {
            r.cancelled = true;
        }
    }

    private void work() {
        try {
            while (!stopping) {
                int seen = signals.get();
                if (runNext()) {
                    continue;
                }
                busy.decrementAndGet();
                if (signals.get() == seen) {
                    return;
                }
                // a run was queued while this thread looked: take a slot again if one is free
                int b = busy.get();
                if (b >= 1 || !busy.compareAndSet(b, b + 1)) {
                    return;
                }
            }
            busy.decrementAndGet();
        } catch (RuntimeException | Error e) {
            busy.decrementAndGet();
            Log.errorf(e, "simulations: a runner thread ended unexpectedly");
        }
    }

    /**
     * Runs that lost their runner: RUNNING, but nobody holds their lock. Each goes back to QUEUED to run
     * again from the start, or is FAILED once it has been resumed {@code max-restarts} times. Returns the
     * ids it changed.
     */
    public List<Long> recover() {
        List<Long> changed = new ArrayList<>();
        for (long id : ids("select id from simulation_run where status = 'RUNNING' order by id")) {
            try (Connection lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                try {
                    if (!tryLock(lock, "pg_try_advisory_xact_lock", id)) {
                        continue; // its runner is alive
                    }
                    try (PreparedStatement s = lock.prepareStatement("""
                            update simulation_run set
                                status = case when restarts >= ? then 'FAILED' else 'QUEUED' end,
                                restarts = case when restarts >= ? then restarts else restarts + 1 end,
                                error = case when restarts >= ? then 'the service stopped while this run was running, '
                                    || (restarts + 1) || ' times (at most ' || ? || ' resumptions, jifen.simulation.max-restarts);'
                                    || ' it was not resumed again: start a new run' else null end,
                                finished_at = case when restarts >= ? then now() else null end,
                                started_at = null, heartbeat_at = null, processed = 0, total = null
                            where id = ? and status = 'RUNNING'""")) {
                        int max = config.maxRestarts();
                        s.setInt(1, max);
                        s.setInt(2, max);
                        s.setInt(3, max);
                        s.setInt(4, max);
                        s.setInt(5, max);
                        s.setLong(6, id);
                        if (s.executeUpdate() == 1) {
                            changed.add(id);
                            Log.infof("simulations: run %d had lost its runner (the service stopped); resumed or failed", id);
                        }
                    }
                    lock.commit();
                } finally {
                    if (!lock.getAutoCommit()) {
                        lock.rollback();
                        lock.setAutoCommit(true);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("simulations: recovering run " + id + " failed", e);
            }
        }
        return changed;
    }

    /**
     * Claims and runs the oldest queued run it can lock; false when there is none. The run's lock is a
     * session-level advisory lock on a connection this thread keeps for the whole run (idle between
     * uses), released when the run ends, or by PostgreSQL when the service dies and the connection with it.
     */
    private boolean runNext() {
        for (long id : ids("select id from simulation_run where status = 'QUEUED' order by id limit 20")) {
            if (stopping) {
                return false;
            }
            try (Connection lock = dataSource.getConnection()) {
                if (!tryLock(lock, "pg_try_advisory_lock", id)) {
                    continue;
                }
                try {
                    if (!claim(id)) {
                        continue;
                    }
                    run(id);
                    return true;
                } finally {
                    unlock(lock, id);
                }
            } catch (SQLException e) {
                Log.errorf(e, "simulations: run %d could not be claimed or streamed", id);
                finish(id, RunStatus.FAILED, null, "the database failed while the run read its window: " + e.getMessage(), -1);
                return true;
            }
        }
        return false;
    }

    private static boolean tryLock(Connection c, String function, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?, ?)")) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, (int) id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, long id) {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, (int) id);
            s.executeQuery().close();
        } catch (SQLException e) {
            // the connection is broken: PostgreSQL released the lock with the session
            Log.warnf(e, "simulations: the lock of run %d could not be released on its connection", id);
        }
    }

    /** QUEUED → RUNNING (committed at once, so the run shows it); false when it is not queued any more. */
    private boolean claim(long id) {
        return update("update simulation_run set status = 'RUNNING', started_at = now(), heartbeat_at = now(),"
                + " processed = 0, total = null where id = ? and status = 'QUEUED'", id) == 1;
    }

    /** The run (its lock held by the caller); always leaves it finished, or RUNNING when the service stops. */
    private void run(long id) throws SQLException {
        Running self = new Running();
        running.put(id, self);
        long started = System.nanoTime();
        Throttle throttle = new Throttle();
        try {
            Setup setup = QuarkusTransaction.requiringNew().call(() -> setup(id));
            ZoneId zone = ZoneId.of(setup.merchant.timeZone);
            Instant dayStart = setup.from.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            Instant dayEnd = setup.to.minusNanos(1).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            long total = count(setup);
            update("update simulation_run set total = ?, heartbeat_at = now() where id = ?", total, id);
            SimulationHook hook = hooks.isResolvable() ? hooks.get() : SimulationHook.NONE;
            AtomicLong processed = new AtomicLong();
            boolean inline = evaluators == null;
            Replay.Progress progress = () -> {
                long count = processed.incrementAndGet();
                throttle.processed = count;
                hook.replayed(id, count);
                if (self.cancelled) {
                    throw new Stop(true);
                }
                if (stopping || Thread.currentThread().isInterrupted()) {
                    throw new Stop(false);
                }
                if (inline) {
                    throttle.tick(id, count, self);
                }
            };
            RowParser parser = new RowParser(setup.merchant, json, Replay.needsResults(setup.baseline == null,
                    setup.merchant), setup.from, setup.to);
            IntFunction<ReportAggregator> aggregator = k -> new ReportAggregator(setup.from, setup.to,
                    zone, setup.top, config.listedFailures());
            List<Replay> replays = new CopyOnWriteArrayList<>();
            Function<ReportAggregator, Replay> replayOf = into -> {
                Replay replay = new Replay(setup.merchant, setup.candidate, setup.baseline, into, config.maxMemberDay(),
                        progress, setup.campaigns);
                replays.add(replay);
                return replay;
            };
            ReportAggregator report;
            if (inline) {
                report = aggregator.apply(0);
                Replay replay = replayOf.apply(report);
                stream(setup, parser, dayStart, dayEnd, replay::accept, () -> throttle.payOwed(id, self));
                replay.finish();
            } else {
                ParallelReplay parallel = new ParallelReplay(config.threads() - 1, evaluators, aggregator, replayOf);
                try {
                    stream(setup, parser, dayStart, dayEnd, row -> {
                        parallel.accept(row);
                        throttle.tick(id, processed.get(), self);
                    }, () -> throttle.payOwed(id, self));
                    report = parallel.finish();
                } catch (RuntimeException e) {
                    parallel.abort();
                    throw e;
                }
            }
            Map<Long, String> memberIds = memberIds(report.namedMembers());
            SimulationModels.Report built = report.build(setup.merchant.currency, setup.candidateNumber,
                    new SimulationModels.BaselineView(setup.baselineKind, setup.baselineNumber), setup.merchant.pointValue,
                    memberId -> memberIds.getOrDefault(memberId, "(member " + memberId + ")"))
                    .withCampaignBudgets(campaignBudgets(setup, replays, zone));
            String body = json.writeValueAsString(built);
            finish(id, RunStatus.SUCCEEDED, body, null, processed.get());
            double seconds = (System.nanoTime() - started) / 1e9;
            Log.infof("simulation %d: %d transactions replayed in %.1f s (%.0f/s) on %d thread(s), %.1f s yielded to"
                    + " postings", id, processed.get(), seconds, processed.get() / Math.max(seconds, 1e-9),
                    config.threads(), throttle.yieldedNanos / 1e9);
        } catch (Stop stop) {
            if (stop.cancelled) {
                finish(id, RunStatus.CANCELLED, null, null, throttle.processed);
            } else {
                // the service is stopping: left RUNNING; its lock goes with this transaction, so the next
                // start (or another instance's sweep) resumes it
                progress(id, throttle.processed);
                Log.infof("simulation %d: stopped with the service after %d transactions; it will be resumed", id,
                        throttle.processed);
            }
        } catch (Replay.TooLarge e) {
            finish(id, RunStatus.FAILED, null, e.getMessage(), throttle.processed);
        } catch (ProblemException e) {
            finish(id, RunStatus.FAILED, null, e.getMessage(), throttle.processed);
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException | JsonProcessingException e) {
            Log.errorf(e, "simulation %d failed", id);
            finish(id, RunStatus.FAILED, null, "the run failed: " + e, throttle.processed);
        } finally {
            running.remove(id);
        }
    }

    /**
     * Spends the total and daily budgets of the campaigns the sides charged in the window, in the order the
     * transactions occurred, over what all evaluators noted ({@link BudgetReplay}).
     */
    private List<SimulationModels.CampaignBudget> campaignBudgets(Setup setup, List<Replay> replays, ZoneId zone) {
        BudgetReplay.Charges candidate = new BudgetReplay.Charges();
        BudgetReplay.Charges baseline = new BudgetReplay.Charges();
        for (Replay replay : replays) {
            candidate.addAll(replay.sharedCharges(true));
            baseline.addAll(replay.sharedCharges(false));
        }
        if (candidate.size() == 0 && baseline.size() == 0) {
            return List.of();
        }
        LocalDate firstDay = LocalDate.ofInstant(setup.from, zone);
        List<SimulationModels.CampaignBudget> budgets = new ArrayList<>();
        for (CampaignDefinition c : BudgetReplay.shared(setup.campaigns)) {
            BudgetReplay.Before before = QuarkusTransaction.requiringNew()
                    .call(() -> campaignDefinitions.chargedBefore(c.id(), firstDay, setup.from));
            BudgetReplay.Side cand = BudgetReplay.apply(c, before, firstDay, candidate);
            BudgetReplay.Side base = setup.baseline == null ? null : BudgetReplay.apply(c, before, firstDay, baseline);
            if (cand.charged() > 0 || base != null && base.charged() > 0) {
                budgets.add(new SimulationModels.CampaignBudget(c.code(), c.budgetTotal(), c.budgetPerDay(),
                        c.whenExhausted(), before.total(), cand, base));
            }
        }
        return budgets;
    }

    /**
     * Streams the window's rows, parsed, to {@code sink}, in the order the replay needs: the merchant's
     * members in id order, a page of them at a time, each page read in a short transaction of its own, so
     * a run never holds a snapshot open for long (a long one keeps vacuum from making the pages postings
     * read visible to index-only scans).
     */
    private void stream(Setup setup, RowParser parser, Instant dayStart, Instant dayEnd,
                        Consumer<Replay.Row> sink, Runnable betweenPages) throws SQLException {
        boolean results = Replay.needsResults(setup.baseline == null, setup.merchant);
        String sql = STREAM_SQL.formatted(results ? "t.result" : "null");
        long after = 0;
        while (true) {
            long first;
            long last;
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("select min(id), max(id) from (select id from member"
                         + " where merchant_id = ? and id > ? order by id limit " + config.pageMembers() + ") page")) {
                s.setLong(1, setup.merchant.id);
                s.setLong(2, after);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getObject(1) == null) {
                        return;
                    }
                    first = r.getLong(1);
                    last = r.getLong(2);
                }
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (Statement settings = c.createStatement()) {
                        for (String setting : PLAN) {
                            settings.execute(setting);
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setFetchSize(config.fetchSize());
                        s.setLong(1, first);
                        s.setLong(2, last);
                        s.setLong(3, setup.merchant.id);
                        s.setObject(4, utc(dayStart));
                        s.setObject(5, utc(dayEnd));
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                TransactionKind kind = TransactionKind.valueOf(r.getString(2));
                                Instant at = r.getObject(4, OffsetDateTime.class).toInstant();
                                boolean inWindow = parser.inWindow(kind, at);
                                sink.accept(parser.row(r.getLong(1), kind, r.getLong(3), at, r.getLong(5),
                                        r.getBigDecimal(6), r.getString(7), inWindow ? r.getString(8) : null,
                                        inWindow ? r.getString(9) : null, inWindow ? r.getString(10) : null));
                            }
                        }
                    }
                } finally {
                    c.rollback(); // read only
                    c.setAutoCommit(true);
                }
            }
            after = last;
            betweenPages.run(); // pauses owed to postings are taken here, with no read transaction open
        }
    }

    /** What a run needs, read once: the merchant (its policy and point value as of now) and both programs. */
    private record Setup(Merchant merchant, Instant from, Instant to, int top, CompiledProgram candidate,
                         int candidateNumber, BaselineKind baselineKind, CompiledProgram baseline, Integer baselineNumber,
                         Map<String, CampaignDefinition> campaigns) {
    }

    private Setup setup(long id) {
        SimulationRun run = SimulationRun.findById(id);
        Merchant merchant = Merchant.findById(run.merchantId);
        RuleVersion candidate = RuleVersion.findById(run.candidateVersionId);
        RuleVersion baseline = run.baselineVersionId == null ? null : RuleVersion.findById(run.baselineVersionId);
        return new Setup(merchant, run.from, run.to, run.top, programs.programOf(candidate), candidate.number,
                run.baselineKind, baseline == null ? null : programs.programOf(baseline),
                baseline == null ? null : baseline.number, campaignDefinitions.definitions(merchant.id));
    }

    /**
     * One page of the window's whole merchant-local days, by member then time; parameters: the first and
     * last member id of the page, the merchant, and the start and end of the days around the window. Rows
     * outside the window, and refunds, are read for the day totals only. A range scan of
     * loyalty_transaction_by_member (member_id, occurred_at) gives the rows in the order the replay needs
     * without sorting them; {@link #PLAN} keeps the planner on it.
     */
    private static final String STREAM_SQL = """
            select t.id, t.kind, t.member_id, t.occurred_at, t.total_points, t.amount, t.external_id,
                   t.payload, t.context, %s
            from loyalty_transaction t
            where t.member_id between ? and ? and t.merchant_id = ? and t.kind in ('PURCHASE', 'EVENT', 'REFUND')
              and t.occurred_at >= ? and t.occurred_at < ?
            order by t.member_id, t.occurred_at""";

    /**
     * For a page's read transaction only: ordered plans (no sort, no hash join), one backend (no parallel
     * workers taking the cores postings need), no JIT compile of the query.
     */
    private static final String[] PLAN = {"set local enable_sort = off", "set local enable_hashjoin = off",
            "set local max_parallel_workers_per_gather = 0", "set local jit = off"};

    /**
     * The purchases and events of the window, from the index alone (loyalty_transaction_by_member includes
     * kind). Read before the pages, each in its own transaction: transactions posted into the window while
     * the run reads it may make {@code processed} end a little off {@code total}.
     */
    private long count(Setup setup) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement settings = c.createStatement()) {
                    for (String setting : PLAN) {
                        settings.execute(setting);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("select count(*) from member m join loyalty_transaction t"
                        + " on t.member_id = m.id where m.merchant_id = ? and t.kind in ('PURCHASE', 'EVENT')"
                        + " and t.occurred_at >= ? and t.occurred_at < ?")) {
                    s.setLong(1, setup.merchant.id);
                    s.setObject(2, utc(setup.from));
                    s.setObject(3, utc(setup.to));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Writes progress and notices a cancellation requested on any instance; paces the run while postings are
     * served. After every 20 ms of work it looks at the postings this instance answered since it last looked:
     * their total time in flight divided by the time that passed is how busy the postings are (1: one posting
     * in flight all the time; wrk with 16 connections keeps it far above 1). The run then owes a pause of
     * {@code yield-to-postings} times the time it worked, scaled down by that share when it is below 1, so a
     * trickle of postings barely slows a run and a busy till takes the cores nearly whole.
     *
     * <p>The pause is taken between pages, never inside one: a page's read transaction holds a snapshot, and a
     * snapshot held open keeps vacuum from marking the pages postings read all-visible (their activity read is an
     * index-only scan). Pausing inside the page kept a snapshot open nearly all the time postings were served,
     * and cost them a quarter of their rate although the run itself barely worked (BENCHMARKS.md section 9).
     */
    private final class Throttle {
        /** The run's count of replayed transactions (written by the evaluating threads). */
        volatile long processed;
        long calls;
        long sliceStart = System.nanoTime();
        long lastLook = sliceStart;
        long lastFlush = sliceStart;
        PostingLoad lastPostings = postings();
        long owedNanos;
        long yieldedNanos;

        /** Called by the thread that reads the stream, after each row; {@code count}: replayed so far. */
        void tick(long id, long count, Running self) {
            if ((++calls & 31) != 0) {
                return;
            }
            long now = System.nanoTime();
            long worked = now - sliceStart;
            if (worked >= 20_000_000L) {
                PostingLoad seen = postings();
                owedNanos += pause(worked, seen.busyNanos() - lastPostings.busyNanos(), now - lastLook,
                        seen.count() != lastPostings.count(), config.yieldToPostings());
                lastPostings = seen;
                lastLook = now;
                sliceStart = now;
            }
            flushProgress(id, count, self, now);
        }

        /** Between pages: the pause owed, in steps, still noticing a cancellation or the service stopping. */
        void payOwed(long id, Running self) {
            while (owedNanos > 0) {
                long step = Math.min(owedNanos, 100_000_000L);
                LockSupport.parkNanos(step);
                owedNanos -= step;
                yieldedNanos += step;
                if (self.cancelled) {
                    throw new Stop(true);
                }
                if (stopping || Thread.currentThread().isInterrupted()) {
                    throw new Stop(false);
                }
                flushProgress(id, processed, self, System.nanoTime());
            }
            sliceStart = System.nanoTime();
            lastLook = sliceStart;
            lastPostings = postings();
        }

        private void flushProgress(long id, long count, Running self, long now) {
            if (now - lastFlush >= config.progressEvery().toNanos()) {
                lastFlush = now;
                if (progress(id, count)) {
                    self.cancelled = true;
                    throw new Stop(true);
                }
            }
        }
    }

    /**
     * How long a run pauses after {@code worked} ns of work, when postings spent {@code busy} ns in flight
     * during the {@code elapsed} ns since it last looked ({@code answered}: some posting was answered then).
     */
    static long pause(long worked, long busy, long elapsed, boolean answered, double yieldToPostings) {
        if (yieldToPostings <= 0 || !answered || elapsed <= 0) {
            return 0;
        }
        double share = Math.min(1.0, (double) busy / elapsed);
        return (long) (worked * yieldToPostings * share);
    }

    /** Postings this instance has answered so far (all outcomes) and their total time in flight. */
    record PostingLoad(long count, long busyNanos) {
    }

    private PostingLoad postings() {
        long n = 0;
        double busy = 0;
        for (Timer t : metrics.find("jifen.postings").timers()) {
            n += t.count();
            busy += t.totalTime(TimeUnit.NANOSECONDS);
        }
        return new PostingLoad(n, (long) busy);
    }

    /** Writes progress; true when a cancellation has been requested. */
    private boolean progress(long id, long processed) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update simulation_run set processed = ?, heartbeat_at = now()"
                     + " where id = ? and status = 'RUNNING' returning cancel_requested_at is not null")) {
            s.setLong(1, processed);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                return !r.next() || r.getBoolean(1);
            }
        } catch (SQLException e) {
            Log.warnf(e, "simulation %d: progress could not be written", id);
            return false;
        }
    }

    /**
     * RUNNING → SUCCEEDED (with the report), FAILED or CANCELLED. A run whose cancellation was requested
     * while it finished ends CANCELLED, without its report.
     */
    private void finish(long id, RunStatus status, String report, String error, long processed) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     update simulation_run set
                         status = case when ? = 'SUCCEEDED' and cancel_requested_at is not null then 'CANCELLED' else ? end,
                         report = case when ? = 'SUCCEEDED' and cancel_requested_at is not null then null else ? end,
                         error = ?, finished_at = now(), heartbeat_at = now(),
                         processed = case when ? >= 0 then ? else processed end
                     where id = ? and status = 'RUNNING'""")) {
            s.setString(1, status.name());
            s.setString(2, status.name());
            s.setString(3, status.name());
            s.setString(4, report);
            s.setString(5, error);
            s.setLong(6, processed);
            s.setLong(7, processed);
            s.setLong(8, id);
            s.executeUpdate();
        } catch (SQLException e) {
            Log.errorf(e, "simulation %d: could not record that it ended %s", id, status);
        }
    }

    private Map<Long, String> memberIds(Set<Long> ids) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id, external_id from member where id = any (?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), r.getString(2));
                }
            }
        }
        return out;
    }

    private List<Long> ids(String sql) {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("simulations: cannot read the runs", e);
        }
        return out;
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("simulations: cannot update a run", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
