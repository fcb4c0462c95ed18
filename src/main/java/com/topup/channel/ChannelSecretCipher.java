package com.topup.channel;

import com.topup.common.crypto.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Keeps channel secrets encrypted at rest (they must be recoverable to sign requests and verify callbacks). */
@ApplicationScoped
public class ChannelSecretCipher {

    private static final byte KEY_VERSION = 1;

    private final SecretKey key;

    public ChannelSecretCipher(ChannelConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.secretKey().trim());
        if (raw.length != 32) {
            throw new IllegalStateException("topup.channel.secret-key must be the base64 of 32 bytes, got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public byte[] encrypt(String secret) {
        return AesGcm.encrypt(key, KEY_VERSION, secret.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(byte[] cipher) {
        return new String(AesGcm.decrypt(key, KEY_VERSION, cipher), StandardCharsets.UTF_8);
    }
}
