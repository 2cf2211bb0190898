package io.jifen.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code java -jar target/jifen-app/jifen-admin-api.jar}, the README's run command) as a real process for
 * integration tests run by Failsafe after {@code package}: started on a free port against a given
 * database and schema, its output in {@code target/<name>.log}.
 * The process started is the JVM itself (no shell or launcher in between), so {@link #kill()} is a
 * real {@code kill -9} of the service.
 */
public final class PackagedService {
    public static final Path BUILD = Path.of(System.getProperty("jifen.it.build-directory", "target"));
    public static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private PackagedService(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the service on a free port with the bootstrap ADMIN key given, and waits until it is ready. */
    public static PackagedService start(String name, Database db, String adminKey) {
        Path jar = BUILD.resolve("jifen-app/jifen-admin-api.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the integration tests run after `package`");
        }
        int port = freePort();
        Path log = BUILD.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JIFEN_HTTP_PORT", String.valueOf(port));
        env.put("JIFEN_DB_URL", db.url());
        env.put("JIFEN_DB_USER", db.user());
        env.put("JIFEN_DB_PASSWORD", db.password());
        env.put("JIFEN_DB_SCHEMA", db.schema());
        env.put("JIFEN_DB_POOL", "16");
        env.put("JIFEN_SEED_EXAMPLE", "false");
        env.put("JIFEN_BOOTSTRAP_ADMIN_KEY", adminKey);
        env.put("JIFEN_WEBHOOKS_EVERY", "off");
        env.put("JIFEN_LEDGER_JOBS_EVERY", "off");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // should the test JVM die first
        PackagedService service = new PackagedService(name, port, process, log);
        service.awaitReady();
        return service;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The executable of the process, as the kernel reports it (resolves links): the JVM, not a wrapper. */
    public Optional<String> executable() {
        return process.info().command();
    }

    /** Processes the service started itself: none expected (it is one JVM). */
    public List<ProcessHandle> children() {
        return process.children().toList();
    }

    /**
     * {@code kill -9}: SIGKILL to the JVM, which can neither catch it nor run shutdown hooks; waits (bounded)
     * until the kernel has reaped it and returns its exit status (137 = 128 + SIGKILL).
     */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still alive 20 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** A graceful stop (SIGTERM), then SIGKILL if it does not end within 15 s. Safe to call twice or after kill. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Polls /q/health/ready (bounded): an external process coming up. */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                lastStatus = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException(name + " not ready within " + READY_WITHIN.toSeconds() + " s (last status "
                + lastStatus + "):\n" + tail());
    }

    /** The last lines of the service's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
