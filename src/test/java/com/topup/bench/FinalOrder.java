package com.topup.bench;

import java.time.Duration;
import java.time.Instant;

/** An order that reached a state it does not leave by itself: SUCCEEDED, FAILED or REVIEW (waits for a person). */
record FinalOrder(String orderId, String status, Instant createdAt, Instant finishedAt) {

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /** finishedAt − createdAt; null for an order parked for review (it has no finishing time). */
    Long millisToFinal() {
        return finishedAt == null ? null : Duration.between(createdAt, finishedAt).toMillis();
    }
}
