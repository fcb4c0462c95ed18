package com.topup.merchant;

/** The parts of an HTTP request that its signature covers. */
public record SignedRequest(String method, String pathAndQuery, String merchantId, String timestamp,
                            String nonce, String signature, byte[] body) {
}
