package com.topup.order;

import java.time.Instant;
import java.util.List;

/** A locked order as the dispatcher and the repair executor need it (the phone still encrypted). */
public record WorkOrder(String id, long merchantId, String merchantCode, String merchantTier, byte[] phoneCipher,
                        String carrier, String province, String city, long faceValue, long price, OrderStatus status,
                        int attemptCount, Instant createdAt, Instant retryAt, int retryRoundFrom,
                        List<String> excludedChannels) {
}
