package io.jifen.admin.simulation;

/** What a candidate is compared with (the CHECK constraint of simulation_run.baseline_kind lists the same names). */
public enum BaselineKind {
    /** The points the ledger recorded for each transaction when it was posted. */
    POSTED,
    /** Another rule version, replayed exactly like the candidate. */
    VERSION
}
