package com.topup.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void canonicalStringJoinsTheFiveLinesWithoutTrailingNewline() {
        String canonical = RequestSignature.canonical("GET", "/api/v1/orders?merchantOrderId=A1", "1700000000000",
                "nonce-0123456789ab", new byte[0]);
        assertEquals("GET\n/api/v1/orders?merchantOrderId=A1\n1700000000000\nnonce-0123456789ab\n" + EMPTY_SHA256, canonical);
    }

    @Test
    void signatureIsLowercaseHexHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        String signature = RequestSignature.sign("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    @Test
    void bodyBytesChangeTheSignature() {
        byte[] secret = "s".getBytes(StandardCharsets.UTF_8);
        String a = RequestSignature.sign(secret, RequestSignature.canonical("POST", "/p", "1", "n", "{\"a\":1}".getBytes()));
        String b = RequestSignature.sign(secret, RequestSignature.canonical("POST", "/p", "1", "n", "{\"a\":2}".getBytes()));
        assertNotEquals(a, b);
    }
}
