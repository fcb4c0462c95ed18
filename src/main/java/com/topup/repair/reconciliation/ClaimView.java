package com.topup.repair.reconciliation;

import java.time.Instant;

/** A charge the platform asks a supplier to give back (a duplicate it would not reverse). */
public record ClaimView(long id, long anomalyId, String orderId, String reference, String channelReference, long amount,
                        String status, Instant createdAt) {
}
