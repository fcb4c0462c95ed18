package com.topup.bench;

import java.time.Duration;

/** Prints a count now and then (at most once per interval, and always when it reaches zero). */
final class ProgressLine {

    private final String prefix;
    private final long intervalNanos;
    private long lastPrinted;

    ProgressLine(String prefix, Duration interval) {
        this.prefix = prefix;
        this.intervalNanos = interval.toNanos();
        this.lastPrinted = System.nanoTime();
    }

    void report(int count) {
        long now = System.nanoTime();
        if (count == 0 || now - lastPrinted >= intervalNanos) {
            System.out.println(prefix + count);
            lastPrinted = now;
        }
    }
}
