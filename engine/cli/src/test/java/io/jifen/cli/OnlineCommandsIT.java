package io.jifen.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the online commands do without a service: exit 3 when it cannot be reached, 2 without a key. Their
 * work against a running service is tested in admin-api, where the service runs
 * ({@code CommandLineReleasesThroughTheServiceTest}).
 */
class OnlineCommandsIT {
    @Test
    void aServiceThatCannotBeReachedExitsWithThree() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JifenProcess.Result r = JifenProcess.run(Map.of("JIFEN_API_KEY", "jf_test"), List.of(), "status",
                "--server", "http://127.0.0.1:" + closedPort, "--merchant", "fresh-harbour");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.stderr()).contains("cannot reach the service at http://127.0.0.1:" + closedPort);
    }

    @Test
    void theApiKeyIsReadFromTheEnvironmentAndNeverAsAnArgument() {
        JifenProcess.Result noKey = JifenProcess.run("status", "--merchant", "fresh-harbour");
        assertThat(noKey.exitCode()).as(noKey.toString()).isEqualTo(2);
        assertThat(noKey.stderr()).contains("set the API key in the environment variable JIFEN_API_KEY");
        JifenProcess.Result keyFlag = JifenProcess.run("status", "--merchant", "fresh-harbour", "--api-key", "jf_x");
        assertThat(keyFlag.exitCode()).isEqualTo(2);
        assertThat(keyFlag.stderr()).contains("Unknown options: '--api-key'");
    }
}
