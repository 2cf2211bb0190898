package io.jifen.engine.evaluation;

/** Something wrong with the input of an evaluation, naming the field (e.g. {@code purchase.lines[2].amount}). */
public record InputProblem(String field, String message) {
}
