package io.jifen.admin.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.ruleset.RuleVersion;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts, lists, shows and cancels a merchant's simulation runs; {@link SimulationRunner} runs them. */
@ApplicationScoped
public class Simulations {
    /** How many of the biggest changes a report lists when the request does not say. */
    static final int DEFAULT_TOP = 20;

    @Inject
    EntityManager em;

    @Inject
    SimulationConfig config;

    @Inject
    SimulationRunner runner;

    @Inject
    CallerContext callers;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Stores the run QUEUED and hands it to the runner; 409 when the merchant has a run open already. */
    public SimulationModels.RunView start(Merchant merchant, SimulationModels.StartRequest request) {
        SimulationModels.Baseline baseline = request.baseline() == null
                ? new SimulationModels.Baseline(BaselineKind.POSTED, null) : request.baseline();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!request.to().isAfter(request.from())) {
            errors.add(Problem.FieldError.field("to", "must be after from"));
        } else if (Duration.between(request.from(), request.to()).compareTo(Duration.ofDays(config.maxWindowDays())) > 0) {
            errors.add(Problem.FieldError.field("to", "must be at most " + config.maxWindowDays()
                    + " days after from (jifen.simulation.max-window-days)"));
        }
        Optional<RuleVersion> candidate = RuleVersion.of(merchant.id, request.candidateVersion());
        if (candidate.isEmpty()) {
            errors.add(Problem.FieldError.field("candidateVersion", "names no rule version of `" + merchant.code
                    + "` (" + request.candidateVersion() + ")"));
        }
        Optional<RuleVersion> baselineVersion = Optional.empty();
        if (baseline.kind() == BaselineKind.VERSION) {
            if (baseline.version() == null) {
                errors.add(Problem.FieldError.field("baseline.version", "is required when baseline.kind is VERSION"));
            } else {
                baselineVersion = RuleVersion.of(merchant.id, baseline.version());
                if (baselineVersion.isEmpty()) {
                    errors.add(Problem.FieldError.field("baseline.version", "names no rule version of `" + merchant.code
                            + "` (" + baseline.version() + ")"));
                }
            }
        } else if (baseline.version() != null) {
            errors.add(Problem.FieldError.field("baseline.version", "must be left out when baseline.kind is POSTED"
                    + " (the points as posted)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
        int top = request.top() == null ? DEFAULT_TOP : request.top();
        Long baselineId = baselineVersion.map(v -> v.id).orElse(null);
        String createdBy = callers.caller().keyId();
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery("""
                            insert into simulation_run (merchant_id, status, candidate_version_id, baseline_kind,
                                baseline_version_id, window_from, window_to, top, created_by)
                            values (?1, 'QUEUED', ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                            on conflict (merchant_id) where status in ('QUEUED', 'RUNNING') do nothing
                            returning id""")
                    .setParameter(1, merchant.id).setParameter(2, candidate.get().id)
                    .setParameter(3, baseline.kind().name()).setParameter(4, baselineId)
                    .setParameter(5, request.from()).setParameter(6, request.to()).setParameter(7, top)
                    .setParameter(8, createdBy).setFlushMode(FlushModeType.COMMIT).getResultList();
            return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
        });
        if (id == null) {
            SimulationRun open = SimulationRun.<SimulationRun>find("merchantId = ?1 and status in ?2 order by id",
                    merchant.id, List.of(RunStatus.QUEUED, RunStatus.RUNNING)).firstResult();
            throw ProblemException.of(ProblemType.SIMULATION_IN_PROGRESS, "merchant `" + merchant.code + "` has simulation "
                    + (open == null ? "" : open.id + " ") + (open == null ? "open" : open.status)
                    + " already; one runs at a time per merchant: wait for it to finish or cancel it (POST /merchants/"
                    + merchant.code + "/simulations/" + (open == null ? "{id}" : open.id) + "/cancellation)");
        }
        runner.dispatch();
        return view(merchant, require(merchant, id), true);
    }

    /** The merchant's runs, newest first, without their reports. */
    public Page<SimulationModels.RunView> list(Merchant merchant, int limit, String cursor) {
        Long before = Cursor.decodeLong(cursor);
        List<SimulationRun> runs = SimulationRun.<SimulationRun>find("merchantId = ?1 and id < ?2 order by id desc",
                merchant.id, before == null ? Long.MAX_VALUE : before).range(0, limit).list();
        Map<Long, Integer> numbers = new HashMap<>();
        return Page.of(runs, limit, r -> String.valueOf(r.id)).map(r -> view(merchant, r, false, numbers));
    }

    public SimulationModels.RunView get(Merchant merchant, long id) {
        return view(merchant, require(merchant, id), true);
    }

    /** The stored report of a run that SUCCEEDED; 409 report-not-available otherwise. */
    public SimulationModels.Report report(Merchant merchant, long id) {
        SimulationRun run = require(merchant, id);
        if (run.status != RunStatus.SUCCEEDED) {
            throw ProblemException.of(ProblemType.REPORT_NOT_AVAILABLE, "simulation " + id + " is " + run.status
                    + ": a report exists once a run has SUCCEEDED");
        }
        return JsonText.read(json, run.report, SimulationModels.Report.class);
    }

    /**
     * Cancels a run: a QUEUED one at once, a RUNNING one at its next transaction (within
     * {@code progress-every} on another instance). 409 simulation-finished for a finished run.
     */
    public SimulationModels.RunView cancel(Merchant merchant, long id) {
        String by = callers.caller().keyId();
        int changed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update simulation_run set
                            cancel_requested_at = coalesce(cancel_requested_at, now()),
                            cancelled_by = coalesce(cancelled_by, ?1),
                            finished_at = case when status = 'QUEUED' then now() else finished_at end,
                            status = case when status = 'QUEUED' then 'CANCELLED' else status end
                        where id = ?2 and merchant_id = ?3 and status in ('QUEUED', 'RUNNING')""")
                .setParameter(1, by).setParameter(2, id).setParameter(3, merchant.id).executeUpdate());
        SimulationRun run = require(merchant, id);
        if (changed == 0) {
            throw ProblemException.of(ProblemType.SIMULATION_FINISHED, "simulation " + id + " has finished already ("
                    + run.status + "): there is nothing to cancel");
        }
        runner.cancelling(id);
        return view(merchant, run, false);
    }

    private static SimulationRun require(Merchant merchant, long id) {
        SimulationRun run = SimulationRun.findById(id);
        if (run == null || !run.merchantId.equals(merchant.id)) {
            throw ProblemException.notFound("simulation " + id + " of `" + merchant.code + "`");
        }
        return run;
    }

    private SimulationModels.RunView view(Merchant merchant, SimulationRun run, boolean withReport) {
        return view(merchant, run, withReport, new HashMap<>());
    }

    private SimulationModels.RunView view(Merchant merchant, SimulationRun run, boolean withReport,
                                          Map<Long, Integer> numbers) {
        int candidate = numbers.computeIfAbsent(run.candidateVersionId, v -> RuleVersion.<RuleVersion>findById(v).number);
        Integer baseline = run.baselineVersionId == null ? null
                : numbers.computeIfAbsent(run.baselineVersionId, v -> RuleVersion.<RuleVersion>findById(v).number);
        String self = "/merchants/" + merchant.code + "/simulations/" + run.id;
        return new SimulationModels.RunView(run.id, merchant.code, run.status, candidate,
                new SimulationModels.BaselineView(run.baselineKind, baseline), run.from, run.to, run.top, run.createdAt,
                run.createdBy, run.startedAt, run.finishedAt, progress(run), run.restarts, run.cancelRequestedAt,
                run.cancelledBy, run.error, withReport ? run.report : null,
                new SimulationModels.Links(self, run.status == RunStatus.SUCCEEDED ? self + "/report.csv" : null,
                        run.status.finished() ? null : self + "/cancellation"));
    }

    /** Rate and time left from the run's working time so far (to its last heartbeat, or its end). */
    private SimulationModels.Progress progress(SimulationRun run) {
        Long total = run.total;
        Double percent = total == null ? null : total == 0 ? 100.0 : Math.min(100.0, 100.0 * run.processed / total);
        if (run.startedAt == null) {
            return new SimulationModels.Progress(run.processed, total, percent, null, null, null);
        }
        Instant until = run.finishedAt != null ? run.finishedAt : clock.instant();
        double elapsed = Math.max(0, Duration.between(run.startedAt, until).toMillis() / 1000.0);
        Instant measured = run.finishedAt != null ? run.finishedAt : run.heartbeatAt != null ? run.heartbeatAt : until;
        double working = Math.max(0.001, Duration.between(run.startedAt, measured).toMillis() / 1000.0);
        Double rate = run.processed == 0 ? null : run.processed / working;
        Double left = run.status.finished() ? Double.valueOf(0) : rate == null || total == null ? null
                : Math.max(0, (total - run.processed) / rate);
        return new SimulationModels.Progress(run.processed, total, percent, rate, left, elapsed);
    }
}
