package io.jifen.engine.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A merchant's program: a set of named rule files. Its {@link #contentHash()} depends only on the
 * names and bytes of the files, not their order, so the same files always hash the same.
 */
public record RuleSet(List<RuleFile> files) {
    public RuleSet {
        files = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i).name().equals(files.get(i - 1).name())) {
                throw new IllegalArgumentException("two rule files are named " + files.get(i).name());
            }
        }
    }

    public static RuleSet of(RuleFile... files) {
        return new RuleSet(List.of(files));
    }

    /** SHA-256 over every file's name and content, hex encoded. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                byte[] name = file.name().getBytes(StandardCharsets.UTF_8);
                digest.update(lengthPrefix(name.length));
                digest.update(name);
                byte[] content = file.content();
                digest.update(lengthPrefix(content.length));
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static byte[] lengthPrefix(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    public long totalBytes() {
        return files.stream().mapToLong(RuleFile::size).sum();
    }
}
