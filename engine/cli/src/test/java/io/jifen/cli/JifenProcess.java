package io.jifen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built command line as a person or a CI job does: {@code java -jar target/jifen.jar ARGS} in a
 * process of its own, with the environment given (JIFEN_API_KEY and friends cleared unless set), and
 * reads its stdout, stderr and exit code. The jar's path comes from Failsafe ({@code jifen.cli.jar}).
 */
public final class JifenProcess {
    /**
     * The built jar: as Failsafe names it, else under the module's target folder (a run outside Maven), else
     * beside it from another module of the build (admin-api's tests, run from admin-api/; a {@code jifen.*}
     * system property there would trip Quarkus' check of its own configuration).
     */
    public static final Path JAR = Path.of(System.getProperty("jifen.cli.jar",
            Files.isRegularFile(Path.of("target/jifen.jar")) ? "target/jifen.jar" : "../engine/cli/target/jifen.jar"));

    private JifenProcess() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    public static Result run(String... args) {
        return run(Map.of(), List.of(), args);
    }

    public static Result run(Map<String, String> environment, List<String> jvmOptions, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is not built: run `./mvnw -B -pl engine/cli -am verify`");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("JIFEN_"));
        env.putAll(new HashMap<>(environment));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("jifen " + String.join(" ", args) + " did not end within 5 minutes");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> new Thread(task, "jifen-output").start());
    }
}
