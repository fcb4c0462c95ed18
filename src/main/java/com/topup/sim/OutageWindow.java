package com.topup.sim;

/** A planned outage: it starts {@code afterSeconds} after the behaviour takes effect and lasts {@code seconds}. */
public record OutageWindow(long afterSeconds, long seconds) {
}
