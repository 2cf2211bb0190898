package io.jifen.engine.compile;

import java.util.Locale;
import java.util.Optional;

/** The authoring forms Jifen compiles, recognised by file extension. */
public enum RuleFileKind {
    DRL(".drl"), DSLR(".dslr"), DSL(".dsl"), XLSX(".xlsx"), XLS(".xls"), CSV(".csv");

    private final String extension;

    RuleFileKind(String extension) {
        this.extension = extension;
    }

    public static Optional<RuleFileKind> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (RuleFileKind kind : values()) {
            if (lower.endsWith(kind.extension)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public boolean isDecisionTable() {
        return this == XLSX || this == XLS || this == CSV;
    }
}
