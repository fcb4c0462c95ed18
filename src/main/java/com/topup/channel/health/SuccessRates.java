package com.topup.channel.health;

/**
 * Success rates smoothed towards a prior (a Bayesian estimate with the prior worth a few attempts), so a
 * channel without data gets the prior, and one early failure does not drop a fresh channel to zero.
 */
final class SuccessRates {

    private final double prior;
    private final double weight;

    SuccessRates(double prior, double weight) {
        if (prior < 0 || prior > 1 || weight < 0) {
            throw new IllegalArgumentException("prior must be within 0..1 and weight not negative");
        }
        this.prior = prior;
        this.weight = weight;
    }

    double of(long succeeded, long finished) {
        if (finished + weight == 0) {
            return prior;
        }
        return (succeeded + prior * weight) / (finished + weight);
    }
}
