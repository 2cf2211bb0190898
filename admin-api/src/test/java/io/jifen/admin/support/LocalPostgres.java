package io.jifen.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, in a temporary data directory on a free port of 127.0.0.1,
 * that the test may stop and start at will without touching the machine's cluster (port 5432) that
 * other test runs share. Built with {@code initdb} and driven with {@code pg_ctl} from
 * {@code $JIFEN_IT_PG_BIN} (default {@code /usr/lib/postgresql/15/bin}). PostgreSQL refuses to run as
 * root: when the tests run as root (CI does), the data directory is given to the {@code postgres}
 * user and every command runs through {@code runuser -u postgres --}.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Path BIN = Path.of(System.getenv().getOrDefault("JIFEN_IT_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));
    private static final String OS_USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final Path keptLog;
    private final Thread shutdownHook;

    private LocalPostgres(Path dataDir, int port, Path keptLog) {
        this.dataDir = dataDir;
        this.port = port;
        this.keptLog = keptLog;
        this.shutdownHook = new Thread(this::stopQuietly);
        Runtime.getRuntime().addShutdownHook(shutdownHook); // should the test JVM die before close()
    }

    /** initdb in a fresh temporary directory (trust authentication, superuser postgres); not started yet. */
    public static LocalPostgres create(Path keptLog) {
        Path dir;
        try {
            dir = Files.createTempDirectory("jifen-it-pg-");
            if (AS_ROOT) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName(OS_USER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for a test PostgreSQL", e);
        }
        LocalPostgres pg = new LocalPostgres(dir, PackagedService.freePort(), keptLog);
        try {
            pg.run(60, BIN.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--no-sync", "--no-instructions");
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    public int port() {
        return port;
    }

    /** The server's {@code postgres} database, in the given schema. */
    public Database database(String schema) {
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres", schema);
    }

    /** Starts the server and waits (pg_ctl -w, bounded) until it accepts connections. */
    public void start() {
        run(90, BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1", "-w", "-t", "60", "start");
    }

    /** Stops the server at once, as a crash would: connections are cut, nothing is shut down cleanly. */
    public void stopImmediately() {
        run(60, BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
    }

    public boolean isRunning() {
        return Files.exists(dataDir.resolve("postmaster.pid"));
    }

    /** Stops the server if it runs, keeps its log next to the build's, and deletes the data directory. */
    @Override
    public void close() {
        try {
            stopQuietly();
            Path log = dataDir.resolve("server.log");
            if (keptLog != null && Files.exists(log)) {
                Files.copy(log, keptLog, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the test PostgreSQL's log: " + e);
        } finally {
            deleteDataDirectory();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway
            }
        }
    }

    private void stopQuietly() {
        if (isRunning()) {
            try {
                stopImmediately();
            } catch (RuntimeException e) {
                System.err.println("could not stop the test PostgreSQL in " + dataDir + ": " + e.getMessage());
            }
        }
    }

    private void deleteDataDirectory() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dataDir + ": " + e);
        }
    }

    /** Runs a PostgreSQL command as the postgres user (through runuser when root); fails on a non-zero exit. */
    private void run(int timeoutSeconds, String... command) {
        List<String> line = new ArrayList<>();
        if (AS_ROOT) {
            line.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        line.addAll(List.of(command));
        try {
            Path output = Files.createTempFile("jifen-it-pg-cmd-", ".out");
            try {
                Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", line) + " did not end within " + timeoutSeconds
                            + " s:\n" + Files.readString(output, StandardCharsets.UTF_8));
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", line) + " exited with " + p.exitValue() + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
