package io.jifen.admin.ruleset;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleFileKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Content types, hashes and the file-by-file diff of stored rule files; pure functions. */
final class RuleFiles {
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XLS = "application/vnd.ms-excel";

    private RuleFiles() {
    }

    /** Spreadsheets are binary; DRL, DSLR, DSL and CSV (and anything else) are UTF-8 text. */
    static boolean isBinary(String name) {
        return RuleFileKind.of(name).map(k -> k == RuleFileKind.XLSX || k == RuleFileKind.XLS).orElse(false);
    }

    static String contentType(String name) {
        return RuleFileKind.of(name).map(k -> switch (k) {
            case XLSX -> XLSX;
            case XLS -> XLS;
            default -> TEXT;
        }).orElse(TEXT);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static RuleVersionModels.StoredFileView view(String name, byte[] content) {
        return new RuleVersionModels.StoredFileView(name, content.length, contentType(name), sha256(content));
    }

    /** Version {@code from}'s files against version {@code to}'s, by file name. */
    static RuleVersionModels.DiffView diff(int from, int to, List<RuleFile> before, List<RuleFile> after) {
        Map<String, byte[]> a = byName(before);
        Map<String, byte[]> b = byName(after);
        List<RuleVersionModels.StoredFileView> added = new ArrayList<>();
        List<RuleVersionModels.StoredFileView> removed = new ArrayList<>();
        List<RuleVersionModels.ChangedFile> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                removed.add(view(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, byte[]> e : b.entrySet()) {
            String name = e.getKey();
            byte[] newBytes = e.getValue();
            byte[] oldBytes = a.get(name);
            if (oldBytes == null) {
                added.add(view(name, newBytes));
            } else if (Arrays.equals(oldBytes, newBytes)) {
                unchanged.add(name);
            } else {
                boolean binary = isBinary(name);
                String unified = binary ? null : TextDiff.unified("a/" + name, "b/" + name,
                        new String(oldBytes, StandardCharsets.UTF_8), new String(newBytes, StandardCharsets.UTF_8));
                changed.add(new RuleVersionModels.ChangedFile(name, binary, oldBytes.length, newBytes.length,
                        sha256(oldBytes), sha256(newBytes), unified));
            }
        }
        return new RuleVersionModels.DiffView(from, to, added, removed, changed, unchanged);
    }

    private static Map<String, byte[]> byName(List<RuleFile> files) {
        Map<String, byte[]> map = new TreeMap<>();
        files.forEach(f -> map.put(f.name(), f.content()));
        return map;
    }
}
