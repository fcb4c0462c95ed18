package com.topup.notify;

import java.time.Instant;

/** What one callback request came to: the HTTP status (null when none arrived), its latency and any error. */
public record AttemptOutcome(Instant at, Integer httpStatus, long latencyMs, String error) {

    public boolean delivered() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    /** The same outcome with its error text cut to at most {@code maxLength} characters. */
    public AttemptOutcome withErrorAtMost(int maxLength) {
        return error == null || error.length() <= maxLength ? this
                : new AttemptOutcome(at, httpStatus, latencyMs, error.substring(0, maxLength));
    }

    public static AttemptOutcome answered(Instant at, int httpStatus, long latencyMs) {
        return new AttemptOutcome(at, httpStatus, latencyMs, httpStatus >= 200 && httpStatus < 300 ? null : "HTTP " + httpStatus);
    }

    public static AttemptOutcome failed(Instant at, long latencyMs, Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        return new AttemptOutcome(at, null, latencyMs, text);
    }
}
