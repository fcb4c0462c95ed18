package com.topup.chaos;

import java.time.Instant;

/**
 * One order of the load as the merchant saw it: sent first at {@code sentAt}, answered 201/200 with {@code orderId}
 * at {@code acceptedAt} after {@code tries} tries (null while unanswered or when every try was refused).
 */
final class SentOrder {

    final int number;
    final String merchantOrderId;
    final String json;
    final Instant sentAt;
    volatile String orderId;
    volatile Instant acceptedAt;
    volatile int tries;
    volatile String lastRefusal;
    volatile boolean givenUp;

    SentOrder(int number, String merchantOrderId, String json, Instant sentAt) {
        this.number = number;
        this.merchantOrderId = merchantOrderId;
        this.json = json;
        this.sentAt = sentAt;
    }

    boolean accepted() {
        return orderId != null;
    }

    boolean open() {
        return orderId == null && !givenUp;
    }
}
