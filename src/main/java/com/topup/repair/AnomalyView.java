package com.topup.repair;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An anomaly as operators and auditors see it (CONTRACT §3): what was found, what the repair rules decided and
 * why, what was done, and how it was closed.
 */
public record AnomalyView(long id, String kind, String orderId, String orderStatus, String merchant, String status,
                          String action, String reason, Integer ruleVersion, List<String> firedRules, String outcome,
                          String channel, String reference, String channelReference, long amountAtStake,
                          JsonNode details, Instant createdAt, Instant resolvedAt, String resolution, String resolvedBy,
                          String resolutionReason, List<String> resolutions) {
}
