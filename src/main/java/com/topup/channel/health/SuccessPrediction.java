package com.topup.channel.health;

/**
 * A channel's predicted chance of success for one order.
 *
 * @param success               predicted share of attempts like this one that succeed, 0 to 1
 * @param sampleSize            the channel's own recency-weighted attempts the prediction rests on (a broader level's
 *                              figure counts for at most the prior's weight)
 * @param confidence            {@code sampleSize / (sampleSize + confidenceAttempts)}, 0 (a guess from the priors) to 1
 * @param expectedLatencyMillis predicted time from the channel call to its result
 */
public record SuccessPrediction(double success, double sampleSize, double confidence, long expectedLatencyMillis) {
}
