package com.topup.channel.health;

/**
 * Attempts, successes and summed latency in which each attempt's weight halves every half-life after it finished.
 * Immutable; {@code at} is the instant (epoch ms) the weights are stated for.
 */
record DecayedTally(double attempts, double successes, double latencyMillis, long at) {

    static final DecayedTally EMPTY = new DecayedTally(0, 0, 0, Long.MIN_VALUE);

    /** This tally with one more finished attempt; one that finished before {@code at} counts already decayed. */
    DecayedTally plus(long finishedAt, boolean succeeded, long latency, double halfLifeMillis) {
        if (at == Long.MIN_VALUE) {
            return new DecayedTally(1, succeeded ? 1 : 0, latency, finishedAt);
        }
        if (finishedAt >= at) {
            DecayedTally moved = as(finishedAt, halfLifeMillis);
            return new DecayedTally(moved.attempts + 1, moved.successes + (succeeded ? 1 : 0),
                    moved.latencyMillis + latency, finishedAt);
        }
        double weight = factor(at - finishedAt, halfLifeMillis);
        return new DecayedTally(attempts + weight, successes + (succeeded ? weight : 0), latencyMillis + weight * latency, at);
    }

    /** The weights as of {@code now} (never moved backwards). */
    DecayedTally as(long now, double halfLifeMillis) {
        if (at == Long.MIN_VALUE || now <= at) {
            return this;
        }
        double f = factor(now - at, halfLifeMillis);
        return new DecayedTally(attempts * f, successes * f, latencyMillis * f, now);
    }

    private static double factor(long elapsedMillis, double halfLifeMillis) {
        return Math.pow(0.5, elapsedMillis / halfLifeMillis);
    }
}
