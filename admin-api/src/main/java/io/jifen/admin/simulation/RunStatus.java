package io.jifen.admin.simulation;

/** Where a simulation run is (the CHECK constraint of simulation_run.status lists the same names). */
public enum RunStatus {
    /** Accepted; waits for a simulation thread. */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Stopped by an error, or lost with the service more often than jifen.simulation.max-restarts; error says why. */
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
