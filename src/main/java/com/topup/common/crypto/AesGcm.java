package com.topup.common.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 12-byte IV. Layout: {@code [key version: 1 byte][IV: 12 bytes][ciphertext + tag]};
 * the version byte is authenticated as associated data, so a later key rotation can tell old records from new.
 */
public final class AesGcm {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + IV_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static byte[] encrypt(SecretKey key, byte keyVersion, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] {keyVersion});
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(keyVersion).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are truncated, tampered with, or sealed under another key version */
    public static byte[] decrypt(SecretKey key, byte expectedKeyVersion, byte[] envelope) {
        if (envelope == null || envelope.length < HEADER_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Ciphertext is too short");
        }
        if (envelope[0] != expectedKeyVersion) {
            throw new IllegalArgumentException("Ciphertext uses key version " + Byte.toUnsignedInt(envelope[0])
                    + ", only version " + Byte.toUnsignedInt(expectedKeyVersion) + " is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope, 1, IV_BYTES));
            cipher.updateAAD(envelope, 0, 1);
            return cipher.doFinal(envelope, HEADER_BYTES, envelope.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("Ciphertext failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
