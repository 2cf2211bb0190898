package io.jifen.cli;

import io.jifen.engine.evaluation.ProgramPolicy;
import picocli.CommandLine.Option;

import java.math.RoundingMode;
import java.time.ZoneId;

/** The merchant settings an offline evaluation needs and a service would take from the merchant. */
final class PolicyOptions {
    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
            description = "The merchant's time zone: local days, member days, months (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "CNY",
            description = "The merchant's currency, for bodies that name none (default: ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--rounding", paramLabel = "MODE", defaultValue = "DOWN",
            description = "How fractional points round: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RoundingMode rounding;

    @Option(names = "--stacking", paramLabel = "HOW", defaultValue = "ADDITIVE",
            description = "How multipliers combine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProgramPolicy.MultiplierStacking stacking;

    ProgramPolicy policy() {
        return new ProgramPolicy(rounding, stacking);
    }
}
