package com.topup.merchant;

import com.topup.common.crypto.Hmac;

/** The merchant API's canonical string and its HMAC-SHA256 signature (CONTRACT §1). */
public final class RequestSignature {

    private RequestSignature() {
    }

    public static String canonical(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
        return method + '\n' + pathAndQuery + '\n' + timestamp + '\n' + nonce + '\n' + Hmac.digestHex(body == null ? new byte[0] : body);
    }

    public static String sign(byte[] secret, String canonical) {
        return Hmac.sha256Hex(secret, canonical);
    }
}
