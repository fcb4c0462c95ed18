package com.topup.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An order as the staff order view shows it, reduced to what the benchmarks count. */
record OrderOutcome(String orderId, String carrier, long faceValue, String status, Instant createdAt, Instant finishedAt,
                    List<Attempt> attempts) {

    record Attempt(String channel, String status, String errorClass, long cost, Integer ruleVersion, int queries,
                   Instant startedAt, Instant finishedAt) {
    }

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    boolean finished() {
        return "SUCCEEDED".equals(status) || "FAILED".equals(status);
    }

    long millisToFinal() {
        return Duration.between(createdAt, finishedAt).toMillis();
    }

    /** From acceptance until the first channel call started: outbox, broker, consumer and routing decision. */
    Long millisToFirstAttempt() {
        return attempts.isEmpty() ? null : Duration.between(createdAt, attempts.get(0).startedAt()).toMillis();
    }

    /** From the first channel call until its result was recorded (callback or status query). */
    Long millisOfFirstAttempt() {
        return attempts.isEmpty() || attempts.get(0).finishedAt() == null ? null
                : Duration.between(attempts.get(0).startedAt(), attempts.get(0).finishedAt()).toMillis();
    }

    boolean firstAttemptSucceeded() {
        return !attempts.isEmpty() && "SUCCEEDED".equals(attempts.get(0).status());
    }

    /** What the channels charged for this order: the cost of its successful attempts. */
    long cost() {
        return attempts.stream().filter(a -> "SUCCEEDED".equals(a.status())).mapToLong(Attempt::cost).sum();
    }
}
