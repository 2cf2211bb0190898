package io.jifen.admin.security;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a key may do. ADMIN keys belong to the platform (merchants, keys); the others are bound to
 * one merchant: MARKETING (rule versions, catalog), INTEGRATOR (members, transactions, events),
 * QA (tests, dry runs, read-only).
 */
public enum Role {
    ADMIN, MARKETING, INTEGRATOR, QA;

    /** The article the role's name takes when read aloud: "an INTEGRATOR key", "a QA key". */
    public static String article(Role role) {
        return role == ADMIN || role == INTEGRATOR ? "an" : "a";
    }

    /** "an INTEGRATOR key", "a MARKETING or QA key", "an INTEGRATOR, QA or MARKETING key". */
    public static String oneOf(Role... roles) {
        String names = roles.length == 1 ? roles[0].name()
                : Arrays.stream(roles, 0, roles.length - 1).map(Role::name).collect(Collectors.joining(", "))
                + " or " + roles[roles.length - 1].name();
        return article(roles[0]) + " " + names + " key";
    }
}
