package io.jifen.admin.shared;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Sums the rows of a growing table into a rollup by ranges of their ids, never by dates, so a report
 * reads the rollup plus the rows above {@code rolled_through} instead of the whole table. The one way
 * the service keeps a rollup (the liability report's ledger days, a campaign's sales days).
 *
 * <p>A row's id is taken when it is inserted, and a transaction holding a smaller id may commit after
 * one holding a larger id, so "every id up to N is in" is only safe to say once no transaction that
 * could hold such an id is still open. A run therefore notes the sequence's value and a time just
 * after it (the candidate) and adds that range at a later step, once no transaction that started
 * before that time and has written anything is still open ({@code pg_stat_activity}: the service's own
 * sessions, one database role). A step adds its range and moves {@code rolled_through} in one
 * transaction under the lock of the state row; an instance that finds the row locked skips its run, so
 * several instances never add a range twice.
 *
 * <p>The state table has one row, {@code id = 1}, with {@code rolled_through}, {@code candidate_id}
 * and {@code candidate_at}.
 */
public final class IdRangeRollup {
    /** Adds the rows with ids in (after, upTo] to the rollup, in the step's transaction. */
    @FunctionalInterface
    public interface Range {
        void add(long after, long upTo);
    }

    /** What a run did: ids rolled up (ranges, gaps included) and the id up to which every row is counted. */
    public record Run(long ids, long rolledThrough) {
    }

    /** What one step found or did. */
    private enum Outcome {
        /** a range was added */
        ROLLED,
        /** a new range was noted, to be added once its writers have finished */
        NOTED,
        /** the noted range still has writers that may commit into it */
        WAITING,
        /** nothing was written since the last range */
        UP_TO_DATE,
        /** another instance holds the state row */
        BUSY
    }

    private record Step(Outcome outcome, long ids, long rolledThrough) {
    }

    private final EntityManager em;
    private final String stateTable;
    private final String sequence;
    private final LongSupplier batch;
    private final Range range;

    /**
     * @param stateTable the rollup's one-row state table
     * @param sequence   the id sequence of the rolled-up table
     * @param batch      the most ids one step adds
     */
    public IdRangeRollup(EntityManager em, String stateTable, String sequence, LongSupplier batch, Range range) {
        this.em = em;
        this.stateTable = stateTable;
        this.sequence = sequence;
        this.batch = batch;
        this.range = range;
    }

    /**
     * Steps until the rollup has caught up with what was written before the run began, or must wait
     * for a writer, or another instance is at it. Each step is its own transaction.
     */
    public Run rollUp() {
        long target = QuarkusTransaction.requiringNew().call(this::sequenceValue);
        long ids = 0;
        long through = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            Step step = QuarkusTransaction.requiringNew().call(this::step);
            ids += step.ids();
            through = step.rolledThrough();
            boolean progress = step.outcome() == Outcome.ROLLED || step.outcome() == Outcome.NOTED;
            if (!progress || through >= target) {
                break;
            }
        }
        return new Run(ids, through);
    }

    /** The id up to which every row is in the rollup (read in the caller's transaction). */
    public long rolledThrough() {
        return ((Number) em.createNativeQuery("select rolled_through from " + stateTable + " where id = 1")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    /** The last id the sequence gave out (0 before the first). */
    private long sequenceValue() {
        return ((Number) em.createNativeQuery("select case when is_called then last_value else 0 end from " + sequence)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    private Step step() {
        List<Tuple> state = Rows.tuples(em.createNativeQuery("select rolled_through, candidate_id, candidate_at from "
                        + stateTable + " where id = 1 for update skip locked", Tuple.class)
                .setFlushMode(FlushModeType.COMMIT));
        if (state.isEmpty()) {
            return new Step(Outcome.BUSY, 0, 0);
        }
        long rolled = Rows.longValue(state.get(0), "rolled_through");
        Long candidate = Rows.nullableLong(state.get(0), "candidate_id");
        if (candidate != null && candidate > rolled) {
            if (writersStartedBy(Rows.instant(state.get(0), "candidate_at"))) {
                return new Step(Outcome.WAITING, 0, rolled);
            }
            long upTo = Math.min(candidate, rolled + batch.getAsLong());
            range.add(rolled, upTo);
            em.createNativeQuery("update " + stateTable + " set rolled_through = ?1 where id = 1")
                    .setParameter(1, upTo).executeUpdate();
            return new Step(Outcome.ROLLED, upTo - rolled, upTo);
        }
        long seen = sequenceValue();
        if (seen <= rolled) {
            return new Step(Outcome.UP_TO_DATE, 0, rolled);
        }
        // a later statement than the sequence's read: every id up to `seen` was taken before this time
        em.createNativeQuery("update " + stateTable + " set candidate_id = ?1, candidate_at = clock_timestamp() where id = 1")
                .setParameter(1, seen).executeUpdate();
        return new Step(Outcome.NOTED, 0, rolled);
    }

    /**
     * Whether a transaction that started at or before {@code at} and has written something is still open
     * (the first read of pg_stat_activity in a transaction; the range's sum runs in a later statement,
     * whose snapshot sees everything those transactions committed).
     */
    private boolean writersStartedBy(Instant at) {
        Number open = (Number) em.createNativeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and pid <> pg_backend_pid() and backend_type = 'client backend' and backend_xid is not null"
                        + " and xact_start <= ?1")
                .setParameter(1, at).setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return open.longValue() > 0;
    }
}
