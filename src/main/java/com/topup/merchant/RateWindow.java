package com.topup.merchant;

/**
 * A merchant's requests counted in the current one-second window of the database clock, this request included.
 *
 * @param hits             requests admitted or refused in this window so far, this one included
 * @param millisIntoWindow how far into its second the window was when this request was counted
 */
public record RateWindow(long hits, long millisIntoWindow) {

    public static final long WINDOW_MILLIS = 1_000;

    /** Whether this request goes beyond a limit of {@code requestsPerSecond}. */
    public boolean exceeds(int requestsPerSecond) {
        return hits > requestsPerSecond;
    }

    /** Whole seconds until the next window opens (the value of Retry-After): at least 1. */
    public long retryAfterSeconds() {
        long into = Math.max(0, Math.min(millisIntoWindow, WINDOW_MILLIS - 1));
        long left = WINDOW_MILLIS - into;
        return Math.max(1, (left + 999) / 1_000);
    }
}
