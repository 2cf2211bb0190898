package io.jifen.admin.simulation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/**
 * The same exact figures with the replay split over two evaluator threads (jifen.simulation.threads = 3):
 * members are shared out between them and their reports merged, and every figure must come out the same.
 * Members are read two at a time (page-members = 2), so every history here spans several pages.
 */
@QuarkusTest
@TestProfile(SimulationOnThreeThreadsTest.ThreeThreads.class)
class SimulationOnThreeThreadsTest extends SimulationFiguresTest {
    public static class ThreeThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jifen.simulation.threads", "3", "jifen.simulation.page-members", "2");
        }
    }
}
