package com.topup.notify;

import com.topup.common.crypto.Hmac;

/** The merchant callback's X-Signature (CONTRACT §1): hex HMAC-SHA256(secret, X-Timestamp + "\n" + raw body). */
public final class CallbackSignature {

    private CallbackSignature() {
    }

    public static String sign(byte[] secret, String timestamp, String body) {
        return Hmac.sha256Hex(secret, timestamp + '\n' + body);
    }
}
