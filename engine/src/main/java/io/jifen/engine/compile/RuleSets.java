package io.jifen.engine.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loads rule sets from folders: every rule file under the folder, named by its path relative to it. */
public final class RuleSets {
    private RuleSets() {
    }

    public static RuleSet fromDirectory(Path directory) {
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = directory.relativize(path).toString().replace('\\', '/');
                if (RuleFileKind.of(name).isPresent()) {
                    files.add(new RuleFile(name, Files.readAllBytes(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule files under " + directory, e);
        }
        return new RuleSet(files);
    }

    /** The same rule set with {@code replaced} files swapped in (by name) and others added. */
    public static RuleSet with(RuleSet base, List<RuleFile> replaced, List<String> removed) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile file : base.files()) {
            boolean swapped = replaced.stream().anyMatch(r -> r.name().equals(file.name()));
            if (!swapped && !removed.contains(file.name())) {
                files.add(file);
            }
        }
        files.addAll(replaced);
        return new RuleSet(files);
    }
}
