package io.jifen.admin.problem;

import java.time.Duration;

/**
 * A 503 problem that says when to try again: the service could not do it now (all rule compile
 * slots taken, for instance), nothing is wrong with the request, and nothing was written.
 * Answered with a {@code Retry-After} header in whole seconds (RetryLaterMapper).
 */
public class RetryLater extends ProblemException {
    private final Duration retryAfter;

    public RetryLater(ProblemType type, String detail, Duration retryAfter) {
        super(type, detail, null, null);
        if (type.status() != 503) {
            // Retry-After on another status would tell a client to retry what will fail the same way
            throw new IllegalArgumentException(type + " is not a 503 problem type");
        }
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
