package com.topup.common.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts phone numbers (E.164) with AES-256-GCM and derives their keyed look-up hash.
 *
 * <p>Ciphertext layout: {@code [key version: 1 byte][IV: 12 bytes][ciphertext + 16-byte tag]}; the
 * version byte is also authenticated as associated data. The hash is lowercase hex HMAC-SHA256 of the
 * E.164 string under a separate key, so equal numbers can be found without decrypting anything.
 */
@ApplicationScoped
@Startup
public class PhoneCrypto {

    static final int PHONE_KEY_BYTES = 32;
    static final int MIN_HASH_KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final byte keyVersion;
    private final SecretKeySpec phoneKey;
    private final SecretKeySpec hashKey;
    private final ThreadLocal<Mac> macs;

    @Inject
    public PhoneCrypto(CryptoConfig config) {
        this(config.phoneKeyVersion(),
                decodeBase64(config.phoneKey(), "topup.crypto.phone-key"),
                decodeBase64(config.hashKey(), "topup.crypto.hash-key"));
    }

    public PhoneCrypto(int keyVersion, byte[] phoneKey, byte[] hashKey) {
        if (keyVersion < 0 || keyVersion > 255) {
            throw new IllegalStateException("topup.crypto.phone-key-version must be between 0 and 255, was " + keyVersion);
        }
        if (phoneKey == null || phoneKey.length != PHONE_KEY_BYTES) {
            throw new IllegalStateException("topup.crypto.phone-key must be base64 of exactly " + PHONE_KEY_BYTES
                    + " bytes, was " + (phoneKey == null ? "missing" : phoneKey.length + " bytes"));
        }
        if (hashKey == null || hashKey.length < MIN_HASH_KEY_BYTES) {
            throw new IllegalStateException("topup.crypto.hash-key must be base64 of at least " + MIN_HASH_KEY_BYTES
                    + " bytes, was " + (hashKey == null ? "missing" : hashKey.length + " bytes"));
        }
        if (Arrays.equals(phoneKey, hashKey)) {
            throw new IllegalStateException("topup.crypto.hash-key must differ from topup.crypto.phone-key");
        }
        this.keyVersion = (byte) keyVersion;
        this.phoneKey = new SecretKeySpec(phoneKey, "AES");
        this.hashKey = new SecretKeySpec(hashKey, HMAC);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail at startup, not on the first order, if the JVM lacks the algorithm
    }

    /** Encrypts an E.164 number; every call uses a fresh IV, so equal inputs give different bytes. */
    public byte[] encrypt(String e164) {
        Objects.requireNonNull(e164, "e164");
        return AesGcm.encrypt(phoneKey, keyVersion, e164.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decrypts what {@link #encrypt} produced.
     *
     * @throws IllegalArgumentException when the bytes are truncated, tampered with, or sealed under another key version
     */
    public String decrypt(byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        return new String(AesGcm.decrypt(phoneKey, keyVersion, ciphertext), StandardCharsets.UTF_8);
    }

    /** Lowercase hex HMAC-SHA256 of the E.164 number: stable, so it serves as a look-up key. */
    public String hash(String e164) {
        Objects.requireNonNull(e164, "e164");
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hashKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot initialise " + HMAC, e);
        }
    }

    private static byte[] decodeBase64(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set");
        }
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64", e);
        }
    }
}
