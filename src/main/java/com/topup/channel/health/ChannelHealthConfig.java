package com.topup.channel.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "topup.channel.health")
public interface ChannelHealthConfig {

    /** How far back finished attempts count towards success rate, latency and the breaker. */
    @WithDefault("5m")
    Duration window();

    /** How often each instance re-reads the figures and evaluates the breakers. */
    @WithDefault("500ms")
    Duration refreshInterval();

    /** Success rate assumed for a channel (or channel and carrier) before it has finished attempts. */
    @WithDefault("0.95")
    double priorSuccessRate();

    /** Weight of the prior, in attempts: rate = (successes + prior × weight) / (finished + weight). */
    @WithDefault("5")
    double priorWeight();

    /** Latency (p50 and p95) reported for a channel (or channel and carrier) without finished attempts. */
    @WithDefault("1s")
    Duration priorLatency();

    Circuit circuit();

    interface Circuit {

        /** How many of the channel's most recent finished attempts the opening rule looks at. */
        @WithDefault("20")
        int evaluatedAttempts();

        /** Fewest finished attempts among those before the failure share may open the circuit. */
        @WithDefault("10")
        int minVolume();

        /** Share of channel faults among the evaluated attempts that opens the circuit (0 to 1). */
        @WithDefault("0.5")
        double failureThreshold();

        /** Channel faults in a row (most recent attempts) that open the circuit regardless of volume. */
        @WithDefault("5")
        int consecutiveFailures();

        /** How long an open circuit refuses all traffic before it lets probes through (half-open). */
        @WithDefault("30s")
        Duration openDuration();

        /** Most probe attempts in flight at once across the cluster while half-open. */
        @WithDefault("2")
        int probeConcurrency();

        /** Probe successes in a row that close a half-open circuit. */
        @WithDefault("3")
        int probeSuccesses();

        /** A half-open circuit whose probes report nothing for this long opens again (their results were lost). */
        @WithDefault("2m")
        Duration probeTimeout();
    }
}
