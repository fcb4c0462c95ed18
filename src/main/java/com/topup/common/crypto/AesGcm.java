package com.topup.common.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 12-byte IV. Layout: 1 byte key version, 12 bytes IV, ciphertext with tag.
 * The key version lets a later key rotation tell old records from new ones.
 */
public final class AesGcm {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static byte[] encrypt(SecretKey key, byte keyVersion, byte[] plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(keyVersion).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public static byte[] decrypt(SecretKey key, byte expectedKeyVersion, byte[] envelope) {
        if (envelope == null || envelope.length < 1 + IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Ciphertext too short");
        }
        if (envelope[0] != expectedKeyVersion) {
            throw new IllegalArgumentException("Unknown key version " + envelope[0]);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope, 1, IV_BYTES));
            return cipher.doFinal(envelope, 1 + IV_BYTES, envelope.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Ciphertext rejected (wrong key or tampered)", e);
        }
    }
}
