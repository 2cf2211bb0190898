package io.jifen.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates key ids and secrets, and hashes secrets for storage and lookup. */
final class ApiKeySecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    static String newId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "key_" + HexFormat.of().formatHex(bytes);
    }

    /** 32 random bytes, URL-safe: {@code jf_<43 chars>}. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "jf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
