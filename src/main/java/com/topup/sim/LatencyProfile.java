package com.topup.sim;

import java.util.random.RandomGenerator;

/**
 * A log-normal delay given by its median and 95th percentile in milliseconds. Draws are capped at five times the p95
 * so that a timer is never set absurdly far ahead.
 */
public record LatencyProfile(long medianMs, long p95Ms) {

    private static final double Z95 = 1.6448536269514722;

    public static LatencyProfile fixed(long millis) {
        return new LatencyProfile(millis, millis);
    }

    public long draw(RandomGenerator random) {
        double gaussian = random.nextGaussian();
        if (p95Ms <= medianMs) {
            return medianMs;
        }
        double sigma = Math.log((double) p95Ms / medianMs) / Z95;
        double value = medianMs * Math.exp(sigma * gaussian);
        return Math.max(0, Math.min(Math.round(value), 5 * p95Ms));
    }

    String problem(String name) {
        if (medianMs < 0 || p95Ms < 0) {
            return name + ": delays cannot be negative";
        }
        if (p95Ms < medianMs) {
            return name + ": p95Ms must be at least medianMs";
        }
        if (p95Ms > 3_600_000) {
            return name + ": p95Ms above one hour";
        }
        if (medianMs == 0 && p95Ms > 0) {
            return name + ": a spread needs a positive medianMs";
        }
        return null;
    }
}
