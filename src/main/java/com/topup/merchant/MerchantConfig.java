package com.topup.merchant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "topup.merchant")
public interface MerchantConfig {

    /** Base64 of the 32-byte AES key that encrypts merchant secrets at rest. */
    String secretKey();

    /** How far a request's X-Timestamp may be from the server clock. */
    @WithDefault("300s")
    Duration timestampTolerance();

    /** How long a nonce is remembered; a repeat inside this window is a replay. */
    @WithDefault("10m")
    Duration nonceTtl();

    /**
     * Requests per second a merchant may send, over all instances together, unless staff set its own limit
     * (PUT /admin/api/merchants/{code}/limits). Beyond it requests are refused with 429 RATE_LIMITED.
     */
    @WithDefault("1000")
    int defaultRequestsPerSecond();
}
