package io.jifen.admin.problem;

/** Problem type URIs: stable identifiers documented in docs/api.md. */
public final class ProblemTypes {
    public static final String BASE = "https://jifen.io/problems/";

    private ProblemTypes() {
    }

    public static String uri(String type) {
        return BASE + type;
    }
}
