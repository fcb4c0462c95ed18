package com.topup.channel;

import com.topup.channel.adapter.ChannelEndpoint;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One channel's configuration as stored. Empty {@code provinces} or {@code faceValues} mean all of them;
 * {@code costRateBp} is what the channel charges in basis points of the face value; {@code dailyQuota} is fen per
 * UTC day (null: unlimited).
 */
public record ChannelDefinition(String code, String name, String protocol, String baseUrl, String secret,
                                Set<String> carriers, Set<String> provinces, Set<Long> faceValues, int costRateBp,
                                int capacity, Long dailyQuota, int timeoutMs, int expectedCompletionMs, boolean enabled,
                                int version, Instant updatedAt) {

    public boolean serves(String carrier, String province, long faceValue) {
        return carriers.contains(carrier)
                && (provinces.isEmpty() || (province != null && provinces.contains(province)))
                && (faceValues.isEmpty() || faceValues.contains(faceValue));
    }

    /** What the channel is paid for a top-up of this face value, in fen (rounded up). */
    public long costOf(long faceValue) {
        return (faceValue * costRateBp + 9_999) / 10_000;
    }

    public ChannelEndpoint endpoint() {
        return new ChannelEndpoint(code, protocol, URI.create(baseUrl), secret, Duration.ofMillis(timeoutMs));
    }
}
