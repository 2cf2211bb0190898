package io.jifen.admin.simulation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Impact simulations (docs/simulation.md, docs/operations.md "Impact simulations"). */
@ConfigMapping(prefix = "jifen.simulation")
public interface SimulationConfig {
    /**
     * Threads a run replays on. An instance runs one simulation at a time (others wait QUEUED); with 1,
     * its one thread reads, parses and evaluates; with n > 1, one thread reads and parses the stream and
     * n - 1 evaluate it, split by member. 1 by default, so a run takes at most one of the machine's cores
     * from postings.
     */
    @WithDefault("1")
    @Min(1)
    @Max(16)
    int threads();

    /**
     * While postings are being served, a run pauses this many times the time it has worked (6: it works a
     * seventh of the time while the postings are busy), scaled down by how busy they are (their time in flight
     * per unit of time, when below 1), and takes its pauses between pages, with no read transaction open
     * (BENCHMARKS.md section 9). 0 never pauses.
     */
    @WithName("yield-to-postings")
    @WithDefault("6")
    double yieldToPostings();

    /** The longest window a run may cover, in days (a report keeps one point per day). */
    @WithName("max-window-days")
    @WithDefault("366")
    @Min(1)
    @Max(3660)
    int maxWindowDays();

    /** Members whose transactions are read in one short read transaction (a page of the stream). */
    @WithName("page-members")
    @WithDefault("1000")
    @Min(1)
    @Max(100000)
    int pageMembers();

    /** Rows fetched from the database per round trip while streaming the window. */
    @WithName("fetch-size")
    @WithDefault("1000")
    @Min(10)
    @Max(100000)
    int fetchSize();

    /** Failed transactions listed one by one in a report (all are counted). */
    @WithName("listed-failures")
    @WithDefault("100")
    @Min(0)
    @Max(10000)
    int listedFailures();

    /**
     * Transactions of one member on one day are replayed in the order they were posted, so they are held
     * together in memory; a member-day with more fails the run (with a reason naming the member and day).
     */
    @WithName("max-member-day")
    @WithDefault("20000")
    @Min(1)
    int maxMemberDay();

    /** A run the service stopped under is resumed at most this many times, then marked FAILED. */
    @WithName("max-restarts")
    @WithDefault("3")
    @Min(0)
    int maxRestarts();

    /** How often a run writes its progress (and notices a cancellation requested on another instance). */
    @WithName("progress-every")
    @WithDefault("500ms")
    Duration progressEvery();

    /**
     * How often each instance looks for runs whose runner is gone and for queued runs it can take ("off"
     * disables the sweep; it also runs once at start-up).
     */
    @WithName("sweep-every")
    @WithDefault("30s")
    String sweepEvery();
}
