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
}
