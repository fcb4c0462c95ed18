package com.topup.bench;

import java.util.Map;

/**
 * A supplier of the replay: its odds of success per carrier served, result latency (median and p95 of a log-normal),
 * cost and from when it is configured.
 */
record ReplaySupplier(String code, Map<String, Double> successRate, long medianMs, long p95Ms, int costRateBp,
                      double joinsAtSecond) {

    static final double ACCEPTED = 0.995;

    ReplaySupplier(String code, Map<String, Double> successRate, long medianMs, long p95Ms, int costRateBp) {
        this(code, successRate, medianMs, p95Ms, costRateBp, 0);
    }

    double costRate() {
        return costRateBp / 10_000.0;
    }
}
