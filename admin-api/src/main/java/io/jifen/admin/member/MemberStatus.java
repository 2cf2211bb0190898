package io.jifen.admin.member;

/**
 * Whether a member may move points: a FROZEN member cannot spend (debits, redemptions), send or
 * receive points; earning goes on. Stored by name in {@code member.status} (V15 checks the names).
 */
public enum MemberStatus {
    ACTIVE, FROZEN;

    /** The request's pattern: annotation values must be constants, MemberStatusTest holds it to the names. */
    public static final String PATTERN = "ACTIVE|FROZEN";
}
