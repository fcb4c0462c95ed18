package com.topup.channel.health;

/**
 * A channel's figures for one carrier over the window.
 *
 * @param finished         attempts that finished (SUCCEEDED or FAILED) within the window
 * @param succeeded        of those, the successful ones
 * @param successRate      smoothed success rate, 0 to 1 (the prior when nothing finished)
 * @param latencyP50Millis median latency of the finished attempts (the prior latency when nothing finished)
 * @param latencyP95Millis 95th percentile latency of the finished attempts (the prior latency when nothing finished)
 * @param inFlight         attempts now SUBMITTING or PROCESSING (not limited to the window)
 */
public record CarrierHealth(String channelCode, String carrier, long finished, long succeeded, double successRate,
                            long latencyP50Millis, long latencyP95Millis, int inFlight) {
}
