package com.topup.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed callback is tried again: after the n-th failed attempt wait the n-th interval (the last one
 * repeats), as long as that is within the deadline counted from the first attempt.
 */
public final class RetrySchedule {

    private final List<Duration> intervals;
    private final Duration deadline;

    public RetrySchedule(List<Duration> intervals, Duration deadline) {
        if (intervals.isEmpty() || intervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("Retry intervals must be positive and at least one: " + intervals);
        }
        this.intervals = List.copyOf(intervals);
        this.deadline = deadline;
    }

    public static RetrySchedule of(NotifyConfig config) {
        return new RetrySchedule(config.retryIntervals(), config.deadline());
    }

    /** @return when to try again after failed attempt {@code attemptNo} (1-based), or empty when giving up. */
    public Optional<Instant> nextAttempt(Instant firstAttemptAt, int attemptNo, Instant failedAt) {
        Duration wait = intervals.get(Math.min(attemptNo, intervals.size()) - 1);
        Instant next = failedAt.plus(wait);
        return next.isAfter(firstAttemptAt.plus(deadline)) ? Optional.empty() : Optional.of(next);
    }
}
