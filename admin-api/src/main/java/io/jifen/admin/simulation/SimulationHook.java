package io.jifen.admin.simulation;

/**
 * Called by a running simulation after each transaction it replays. The service has none; tests supply
 * one (a bean) to hold a run at a chosen transaction, so a cancellation or a restart can be made to
 * happen mid-run without timing.
 */
public interface SimulationHook {
    SimulationHook NONE = (run, processed) -> { };

    void replayed(long runId, long processed);
}
