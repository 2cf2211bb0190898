package io.jifen.admin.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a run pauses after a slice of work, by how busy the postings were meanwhile. */
class SimulationYieldsToPostingsTest {
    private static final long WORKED = 20_000_000L;
    private static final long ELAPSED = 140_000_000L;

    @Test
    void aRunWithoutPostingsNeverPauses() {
        assertThat(SimulationRunner.pause(WORKED, 0, ELAPSED, false, 6)).isZero();
    }

    @Test
    void aBusyTillTakesTheFullYield() {
        // 16 connections: 16 postings in flight all the time
        assertThat(SimulationRunner.pause(WORKED, 16 * ELAPSED, ELAPSED, true, 6)).isEqualTo(6 * WORKED);
    }

    @Test
    void postingsInFlightExactlyAllTheTimeTakeTheFullYield() {
        assertThat(SimulationRunner.pause(WORKED, ELAPSED, ELAPSED, true, 6)).isEqualTo(6 * WORKED);
    }

    @Test
    void aTrickleOfPostingsSlowsARunByItsShareOfTheTime() {
        // one posting of 2 ms in 140 ms: busy 1/70 of the time
        assertThat(SimulationRunner.pause(WORKED, 2_000_000L, ELAPSED, true, 6)).isEqualTo(6 * WORKED / 70);
    }

    @Test
    void yieldZeroNeverPausesEvenUnderLoad() {
        assertThat(SimulationRunner.pause(WORKED, 16 * ELAPSED, ELAPSED, true, 0)).isZero();
    }
}
