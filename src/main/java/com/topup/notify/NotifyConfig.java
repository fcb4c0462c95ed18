package com.topup.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "topup.notify")
public interface NotifyConfig {

    /** Run the delivery worker on this instance (off only in tests that must not send callbacks). */
    @WithDefault("true")
    boolean workerEnabled();

    /** Waits after the 1st, 2nd, … failed attempt; the last value repeats until the deadline. */
    @WithDefault("15s,1m,5m,30m,2h,6h")
    List<Duration> retryIntervals();

    /** How long after the first attempt a callback is retried before it is marked UNDELIVERED. */
    @WithDefault("24h")
    Duration deadline();

    /** Time limit of one callback request: connecting, sending and the merchant's answer. */
    @WithDefault("5s")
    Duration timeout();

    /** How often due callbacks are looked for when no local commit woke the worker (retries, other instances). */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Most callback requests in flight at once on one instance. */
    @WithDefault("32")
    int maxInFlight();

    /** How long a claimed callback stays reserved for the instance sending it; must exceed the timeout. */
    @WithDefault("60s")
    Duration claimLease();

    /** Longest error text kept in the attempt log. */
    @WithDefault("500")
    int maxErrorLength();
}
