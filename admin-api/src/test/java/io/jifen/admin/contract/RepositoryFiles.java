package io.jifen.admin.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the contract tests compare with the service (tests run in admin-api). */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** {@code docs/<name>} of the repository above the module's directory. */
    static Path doc(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/api.md"))) {
                return dir.resolve("docs").resolve(name);
            }
        }
        throw new IllegalStateException("docs/api.md not found above " + Path.of("").toAbsolutePath());
    }
}
