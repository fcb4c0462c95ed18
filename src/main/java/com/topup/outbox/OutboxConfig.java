package com.topup.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "topup.outbox")
public interface OutboxConfig {

    /** Publish outbox rows to Kafka (off only in tests that run without a broker). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most rows claimed and published in one round. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for rows when no local commit woke it (rows of other instances, retries). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Pause after a failed publish (broker down) before trying again. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How long to wait for the broker to acknowledge a batch. */
    @WithDefault("10s")
    Duration publishTimeout();
}
