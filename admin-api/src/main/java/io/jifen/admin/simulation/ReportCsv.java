package io.jifen.admin.simulation;

import io.jifen.engine.impact.ImpactCsv;

/**
 * A run's report as the engine's CSV table ({@link ImpactCsv}): one row per figure, by section, headed by
 * the candidate version and the baseline the run compared it with.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String write(SimulationModels.Report r) {
        return ImpactCsv.write("candidate version", r.candidateVersion(), r.baseline().kind()
                + (r.baseline().version() == null ? "" : " " + r.baseline().version()), r.sections());
    }
}
