package com.topup.channel.dispatch;

import java.time.Instant;

/** One row of channel_attempt, as the outcome handlers need it. */
public record Attempt(String id, String orderId, int attemptNo, String channelCode, long faceValue, AttemptStatus status,
                      String errorClass, long cost, Instant startedAt, int queryCount, Long probeGeneration,
                      String channelReference) {
}
