package com.topup.order;

import java.time.Instant;

/** The work item published on topup.dispatch for the channel dispatcher. */
public record DispatchRequest(String orderId, long merchantId, String carrier, String province, long faceValue,
                              Instant createdAt) {
}
