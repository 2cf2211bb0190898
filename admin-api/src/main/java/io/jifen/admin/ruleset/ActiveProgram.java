package io.jifen.admin.ruleset;

import io.jifen.engine.CompiledProgram;

/** A rule version with its compiled program: what an evaluation runs on from start to finish. */
public record ActiveProgram(RuleVersion version, CompiledProgram program) {
}
