package io.jifen.admin.security;

/** Who is calling: the key's public id, its role and, unless it is a platform ADMIN key, its merchant. */
public record Caller(String keyId, Role role, Long merchantId) {
    public boolean isPlatformAdmin() {
        return role == Role.ADMIN && merchantId == null;
    }
}
