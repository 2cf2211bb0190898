package io.jifen.cli;

import io.jifen.engine.scenario.InvalidSuiteException;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Regression-suite files named on the command line: files, or folders whose *.yaml, *.yml and *.json files are suites. */
final class Suites {
    private Suites() {
    }

    record Named(Path file, Suite suite) {
    }

    /**
     * Every suite, read and checked as the service checks a stored suite ({@link SuiteReader#readChecked}):
     * a suite that cannot be read is a failure (exit 2) naming each problem's file and line.
     */
    static List<Named> read(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(Suites::isSuiteFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw Failure.usage("cannot read the suites under " + path + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw Failure.usage(path + ": no such suite file or folder");
            }
        }
        if (files.isEmpty()) {
            throw Failure.usage("no suite files in " + paths);
        }
        List<Named> suites = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                suites.add(new Named(file, SuiteReader.readChecked(file.toString(), Files.readString(file))));
            } catch (InvalidSuiteException e) {
                e.findings().forEach(f -> problems.add(file + (f.line() == null ? "" : ":" + f.line()) + ": "
                        + (f.path() == null || f.path().isEmpty() ? "" : f.path() + ": ") + f.message()));
            } catch (IOException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new Failure(Exit.REJECTED_OR_USAGE, problems.size() + " problem(s) in the suites", problems);
        }
        return suites;
    }

    private static boolean isSuiteFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
