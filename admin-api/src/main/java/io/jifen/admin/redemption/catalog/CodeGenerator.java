package io.jifen.admin.redemption.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;

/**
 * Random codes from a secure source, in an alphabet without look-alikes (no 0/O, 1/I): with the
 * default 12 characters that is 60 bits, so a code cannot be guessed from the ones a member has seen.
 */
@ApplicationScoped
public class CodeGenerator {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    @Inject
    MallConfig config;

    public String next(String prefix) {
        StringBuilder code = new StringBuilder(prefix);
        for (int i = 0; i < config.codeLength(); i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
