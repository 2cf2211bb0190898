package io.jifen.admin.ledger;

import io.jifen.admin.member.TierReviews;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;

/**
 * Runs a ledger job now, on this instance, instead of waiting for its schedule (after an outage, or
 * to measure it). Safe beside the scheduled runs of any instance: the jobs lock with SKIP LOCKED.
 * They always run as of the current time: no one can expire points early through this.
 */
@Path("/platform/ledger-jobs")
@Tag(name = "ledger")
public class LedgerJobsResource {
    @Inject
    LotJobs lots;

    @Inject
    TierReviews reviews;

    @Inject
    CallerContext caller;

    @Inject
    Clock clock;

    /** What a run did and how long it took. */
    public record JobRun(String job, long lots, long points, long members, int batches, long millis) {
    }

    @POST
    @Path("/expiry")
    @Allowed(Role.ADMIN)
    @Operation(operationId = "runExpiryJob", summary = "Expire due points now",
            description = "Runs the expiry job on this instance as of the current time. Platform ADMIN keys only.")
    public JobRun expiry() {
        requirePlatformAdmin();
        long start = System.nanoTime();
        LotJobs.Run run = lots.expireDue(clock.instant());
        return new JobRun("expiry", run.lots(), run.points(), run.members(), run.batches(), elapsed(start));
    }

    @POST
    @Path("/release")
    @Allowed(Role.ADMIN)
    @Operation(operationId = "runReleaseJob", summary = "Release due pending points now",
            description = "Makes points whose return window ended spendable, as of the current time. Platform ADMIN"
                    + " keys only.")
    public JobRun release() {
        requirePlatformAdmin();
        long start = System.nanoTime();
        LotJobs.Run run = lots.releaseDue(clock.instant());
        return new JobRun("release", run.lots(), run.points(), run.members(), run.batches(), elapsed(start));
    }

    @POST
    @Path("/tier-reviews")
    @Allowed(Role.ADMIN)
    @Operation(operationId = "runTierReviewsJob", summary = "Review due member tiers now",
            description = "Reviews the tiers whose period ended, as of the current time. Platform ADMIN keys only.")
    public JobRun tierReviews() {
        requirePlatformAdmin();
        long start = System.nanoTime();
        Instant now = clock.instant();
        int reviewed = reviews.reviewDue(now);
        return new JobRun("tier-reviews", 0, 0, reviewed, 0, elapsed(start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void requirePlatformAdmin() {
        if (!caller.caller().isPlatformAdmin()) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "only platform ADMIN keys run ledger jobs", null);
        }
    }
}
