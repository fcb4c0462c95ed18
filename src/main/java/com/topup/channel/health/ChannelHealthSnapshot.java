package com.topup.channel.health;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Every channel's figures as of one refresh. Immutable; a new one replaces it on every refresh.
 * Channels and carriers without data get the configured priors, so callers never handle a missing figure.
 */
public final class ChannelHealthSnapshot {

    private final Instant takenAt;
    private final Map<String, ChannelHealth> channels;
    private final double priorSuccessRate;
    private final long priorLatencyMillis;

    ChannelHealthSnapshot(Instant takenAt, Map<String, ChannelHealth> channels, double priorSuccessRate,
                          long priorLatencyMillis) {
        this.takenAt = takenAt;
        this.channels = Map.copyOf(channels);
        this.priorSuccessRate = priorSuccessRate;
        this.priorLatencyMillis = priorLatencyMillis;
    }

    static ChannelHealthSnapshot empty(double priorSuccessRate, long priorLatencyMillis) {
        return new ChannelHealthSnapshot(Instant.EPOCH, Map.of(), priorSuccessRate, priorLatencyMillis);
    }

    /** When the figures were read (the epoch before the first refresh). */
    public Instant takenAt() {
        return takenAt;
    }

    /** Every channel of the {@code channel} table at the time of the refresh, by code. */
    public Map<String, ChannelHealth> channels() {
        return channels;
    }

    /** The channel's figures; priors and no usage for a channel the last refresh did not see. */
    public ChannelHealth channel(String channelCode) {
        ChannelHealth health = channels.get(channelCode);
        if (health != null) {
            return health;
        }
        return new ChannelHealth(channelCode, 0, 0, priorSuccessRate, priorLatencyMillis, priorLatencyMillis, 0, 0,
                Optional.empty(), Map.of());
    }

    /** The channel's figures for one carrier; priors when it has none for that carrier. */
    public CarrierHealth carrier(String channelCode, String carrier) {
        ChannelHealth health = channels.get(channelCode);
        CarrierHealth figures = health == null ? null : health.byCarrier().get(carrier);
        if (figures != null) {
            return figures;
        }
        return new CarrierHealth(channelCode, carrier, 0, 0, priorSuccessRate, priorLatencyMillis, priorLatencyMillis, 0);
    }
}
