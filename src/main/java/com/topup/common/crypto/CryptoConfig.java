package com.topup.common.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Keys protecting phone numbers at rest. The keys have no defaults: every environment sets its own. */
@ConfigMapping(prefix = "topup.crypto")
public interface CryptoConfig {

    /** AES-256 key encrypting phone numbers: base64 of exactly 32 bytes. */
    String phoneKey();

    /** Version byte written in front of every new phone ciphertext (0–255); raise it when phone-key is rotated. */
    @WithDefault("1")
    int phoneKeyVersion();

    /** HMAC-SHA256 key for the phone look-up hash: base64 of at least 32 bytes, distinct from phone-key. */
    String hashKey();
}
