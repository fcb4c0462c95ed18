package com.topup.channel.health;

import java.time.Duration;

/** The breaker's thresholds and timings (see {@link ChannelHealthConfig.Circuit} for each). */
record CircuitPolicy(int evaluatedAttempts, int minVolume, double failureThreshold, int consecutiveFailures,
                     Duration openDuration, int probeConcurrency, int probeSuccesses, Duration probeTimeout) {

    CircuitPolicy {
        if (evaluatedAttempts < 1 || minVolume < 1 || consecutiveFailures < 1 || probeConcurrency < 1
                || probeSuccesses < 1 || failureThreshold <= 0 || failureThreshold > 1) {
            throw new IllegalArgumentException("invalid circuit breaker settings: " + this);
        }
    }

    static CircuitPolicy of(ChannelHealthConfig.Circuit config) {
        return new CircuitPolicy(config.evaluatedAttempts(), config.minVolume(), config.failureThreshold(),
                config.consecutiveFailures(), config.openDuration(), config.probeConcurrency(), config.probeSuccesses(),
                config.probeTimeout());
    }
}
