package com.topup.repair.action;

import java.time.Instant;
import java.util.List;

/**
 * One operator action: who asked for what and why, and — for money above the four-eyes amount — who confirmed or
 * declined it.
 */
public record ActionView(String id, String kind, String orderId, String status, String requestedBy, String reason,
                         long amount, String channelReference, List<String> excludeChannels, String decidedBy,
                         String decisionReason, Instant createdAt, Instant decidedAt, String outcome) {
}
