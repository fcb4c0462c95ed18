package com.topup.order;

import java.time.Instant;

/**
 * Filters of the staff order search (CONTRACT §3); null means any. {@code phoneHash} is the keyed hash of the full
 * number, never the number itself.
 */
public record OrderSearch(OrderStatus status, Long merchantId, String merchantOrderId, String phoneHash, String carrier,
                          String channel, String anomalyKind, Instant from, Instant to, OrderCursor after, int limit) {
}
