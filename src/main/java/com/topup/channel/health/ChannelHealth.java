package com.topup.channel.health;

import java.util.Map;
import java.util.Optional;

/**
 * A channel's figures over the window, all carriers together, with the same figures per carrier.
 *
 * @param finished         attempts that finished (SUCCEEDED or FAILED) within the window
 * @param succeeded        of those, the successful ones
 * @param successRate      smoothed success rate, 0 to 1 (the prior when nothing finished)
 * @param latencyP50Millis median latency of the finished attempts (the prior latency when nothing finished)
 * @param latencyP95Millis 95th percentile latency of the finished attempts (the prior latency when nothing finished)
 * @param inFlight         attempts now SUBMITTING or PROCESSING (not limited to the window)
 * @param usedToday        amount given to the channel today (fen, UTC day), from {@code channel_daily_usage}
 * @param dailyQuota       the channel's daily quota (fen), empty when it has none
 * @param byCarrier        carrier → figures, for carriers with finished or in-flight attempts
 */
public record ChannelHealth(String channelCode, long finished, long succeeded, double successRate,
                            long latencyP50Millis, long latencyP95Millis, int inFlight, long usedToday,
                            Optional<Long> dailyQuota, Map<String, CarrierHealth> byCarrier) {

    public ChannelHealth {
        byCarrier = Map.copyOf(byCarrier);
    }

    /** What the channel may still be given today (fen); {@link Long#MAX_VALUE} without a quota. */
    public long remainingDailyQuota() {
        return dailyQuota.map(quota -> Math.max(0, quota - usedToday)).orElse(Long.MAX_VALUE);
    }
}
