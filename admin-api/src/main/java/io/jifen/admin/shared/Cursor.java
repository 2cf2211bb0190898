package io.jifen.admin.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A page's cursor: the sort key of the last item of the page before, opaque to clients (base64url of
 * the key's text), so a list can change its key without breaking a client that only passes it back.
 */
public final class Cursor {
    private Cursor() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor holds; null for no cursor (the first page); {@link Invalid} for one no list gave. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (key.isEmpty() || key.indexOf('\0') >= 0) {
                throw new Invalid();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new Invalid();
        }
    }

    /** A key holding a whole number (an id, a version number). */
    public static Long decodeLong(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new Invalid();
        }
    }

    /** A key of an instant and a row id (lists ordered by a time, the id breaking ties). */
    public record At(Instant at, long id) {
        public String key() {
            return at + " " + id;
        }
    }

    /** The instant and id a cursor holds; null for no cursor (the first page). */
    public static At decodeAt(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        String[] parts = key.split(" ", 2);
        try {
            return new At(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw new Invalid();
        }
    }

    /** A cursor this API did not give (ProblemMappers answers 400 invalid-parameter naming {@code cursor}). */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid() {
            super("is not a cursor of this list: pass back the nextCursor of a page, or leave it out for the first page");
        }
    }
}
