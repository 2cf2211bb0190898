package io.jifen.admin.security;

/**
 * What a key may do. ADMIN keys belong to the platform (merchants, keys); the others are bound to
 * one merchant: MARKETING (rule versions, catalog), INTEGRATOR (members, transactions, events),
 * QA (tests, dry runs, read-only).
 */
public enum Role {
    ADMIN, MARKETING, INTEGRATOR, QA
}
