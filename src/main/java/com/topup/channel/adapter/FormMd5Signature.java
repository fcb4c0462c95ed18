package com.topup.channel.adapter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signing of the form-md5 protocol, both ways: {@code sign} = lowercase hex MD5 of the non-empty parameters other
 * than {@code sign}, sorted by name, joined as {@code k1=v1&k2=v2...}, followed by {@code &key=SECRET}. Values are
 * signed as they are, not URL-encoded. {@code timestamp} is Unix epoch seconds.
 */
public final class FormMd5Signature {

    public static final String SIGN = "sign";
    public static final String TIMESTAMP = "timestamp";
    /** Signed callbacks whose timestamp is further than this from our clock are refused. */
    public static final Duration MAX_SKEW = Duration.ofSeconds(300);

    private FormMd5Signature() {
    }

    /** The string that is hashed. */
    public static String canonical(Map<String, String> params, String secret) {
        String joined = new TreeMap<>(params).entrySet().stream()
                .filter(e -> !SIGN.equals(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "key=" + secret : joined + "&key=" + secret;
    }

    public static String sign(Map<String, String> params, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(canonical(params, secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** A copy of the parameters with their {@code sign} added. */
    public static Map<String, String> signed(Map<String, String> params, String secret) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(params);
        copy.remove(SIGN);
        copy.put(SIGN, sign(copy, secret));
        return copy;
    }

    /** Checks {@code sign} only. */
    public static SignatureCheck checkSignature(Map<String, String> params, String secret) {
        String given = params.get(SIGN);
        if (given == null || given.isBlank()) {
            return SignatureCheck.MISSING;
        }
        byte[] expected = sign(params, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? SignatureCheck.VALID : SignatureCheck.BAD_SIGNATURE;
    }

    /** Checks {@code sign}, then that {@code timestamp} (epoch seconds) is within {@link #MAX_SKEW} of now. */
    public static SignatureCheck checkSignedRecently(Map<String, String> params, String secret, long nowMillis) {
        SignatureCheck signature = checkSignature(params, secret);
        if (!signature.valid()) {
            return signature;
        }
        if (params.get(TIMESTAMP) == null || params.get(TIMESTAMP).isBlank()) {
            return SignatureCheck.MISSING;
        }
        Long seconds = Timestamps.parseDigits(params.get(TIMESTAMP));
        if (seconds == null || Math.abs(nowMillis - seconds * 1000) > MAX_SKEW.toMillis()) {
            return SignatureCheck.STALE_TIMESTAMP;
        }
        return SignatureCheck.VALID;
    }
}
