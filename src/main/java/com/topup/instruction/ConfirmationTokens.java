package com.topup.instruction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Confirmation tokens: 256 random bits, URL-safe; only their SHA-256 is stored. */
final class ConfirmationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 128;

    private ConfirmationTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored key of a token; null for a text no token could be, which is then simply not found. */
    static String hash(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
