package io.jifen.engine.safety;

/** A forbidden construct found in a fragment of code; {@code lineOffset} counts from the fragment's first line. */
record Violation(int lineOffset, String message) {
}
