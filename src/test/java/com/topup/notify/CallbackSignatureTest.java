package com.topup.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final byte[] SECRET = "demo-merchant-secret".getBytes(StandardCharsets.UTF_8);
    private static final String BODY = "{\"orderId\":\"T1\",\"eventId\":\"E1\"}";

    @Test
    void isHexHmacOfTimestampNewlineBody() {
        // openssl: printf '1700000000000\n<body>' | openssl dgst -sha256 -hmac demo-merchant-secret
        assertEquals("d0bb2e46990bc88c932126c4aaadf2416753e11f99e61ef4821f57bce77d4072",
                CallbackSignature.sign(SECRET, "1700000000000", BODY));
    }

    @Test
    void coversTimestampBodyAndSecret() {
        String signature = CallbackSignature.sign(SECRET, "1700000000000", BODY);
        assertNotEquals(signature, CallbackSignature.sign(SECRET, "1700000000001", BODY));
        assertNotEquals(signature, CallbackSignature.sign(SECRET, "1700000000000", BODY.replace("T1", "T2")));
        assertNotEquals(signature, CallbackSignature.sign("other-secret".getBytes(StandardCharsets.UTF_8),
                "1700000000000", BODY));
    }

    @Test
    void signsTheUtf8BytesOfTheBody() {
        assertEquals("16eca2554069ab068c1d6596569d01ed39b5fb51258626629e0d68654695974f",
                CallbackSignature.sign(SECRET, "1", "{\"province\":\"广东\"}"));
    }
}
