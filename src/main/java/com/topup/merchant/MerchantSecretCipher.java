package com.topup.merchant;

import com.topup.common.crypto.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Keeps merchant HMAC secrets encrypted at rest (they must be recoverable to verify signatures). */
@ApplicationScoped
public class MerchantSecretCipher {

    private static final byte KEY_VERSION = 1;

    private final SecretKey key;

    public MerchantSecretCipher(MerchantConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.secretKey().trim());
        if (raw.length != 32) {
            throw new IllegalStateException("topup.merchant.secret-key must be the base64 of 32 bytes, got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public byte[] encrypt(String secret) {
        return AesGcm.encrypt(key, KEY_VERSION, secret.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] decrypt(byte[] cipher) {
        return AesGcm.decrypt(key, KEY_VERSION, cipher);
    }
}
