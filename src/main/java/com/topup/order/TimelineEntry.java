package com.topup.order;

import java.time.Instant;
import java.util.Map;

/**
 * One step in an order's life as staff read it (CONTRACT §3): when, what kind of step, who or what acted, a sentence,
 * and the details behind it. Kinds: ACCEPTED, ATTEMPT, CALLBACK, QUERY, CHANNEL_RESULT, FALLBACK, ANOMALY, REPAIR,
 * OPERATOR_ACTION, FINISHED, LEDGER, NOTIFICATION.
 */
public record TimelineEntry(Instant at, String kind, String actor, String summary, Map<String, Object> details) {
}
