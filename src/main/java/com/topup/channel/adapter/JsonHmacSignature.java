package com.topup.channel.adapter;

import com.topup.common.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Signing of the json-hmac protocol, both ways: {@code X-Channel-Timestamp} is Unix epoch milliseconds and
 * {@code X-Channel-Signature} the lowercase hex HMAC-SHA256(secret, timestamp + "\n" + raw body).
 */
public final class JsonHmacSignature {

    public static final String TIMESTAMP_HEADER = "X-Channel-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Channel-Signature";
    /** Signed messages whose timestamp is further than this from our clock are refused. */
    public static final Duration MAX_SKEW = Duration.ofSeconds(300);

    private JsonHmacSignature() {
    }

    public static String sign(String secret, String timestamp, byte[] body) {
        byte[] prefix = (timestamp + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return java.util.HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), message));
    }

    /** Checks the signature first, then the age of the timestamp (both read from the two headers' values). */
    public static SignatureCheck check(String secret, String timestamp, String signature, byte[] body, long nowMillis) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return SignatureCheck.MISSING;
        }
        if (!Hmac.equalsConstantTime(sign(secret, timestamp, body), signature.trim().toLowerCase(java.util.Locale.ROOT))) {
            return SignatureCheck.BAD_SIGNATURE;
        }
        Long millis = Timestamps.parseDigits(timestamp);
        if (millis == null || Math.abs(nowMillis - millis) > MAX_SKEW.toMillis()) {
            return SignatureCheck.STALE_TIMESTAMP;
        }
        return SignatureCheck.VALID;
    }
}
