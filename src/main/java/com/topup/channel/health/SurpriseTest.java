package com.topup.channel.health;

/**
 * How surprising a run of attempts is to the predictions made for them: the chance, if every attempt had succeeded
 * with its own predicted probability (a Poisson-binomial count of failures), of as many failures as observed or
 * more, or of as few or fewer, whichever tail is smaller. Exact, in O(n²) for a run of n attempts.
 */
final class SurpriseTest {

    /** Predictions are held this far from 0 and 1, so that a confident prediction does not make an outcome impossible. */
    static final double FLOOR = 1e-4;

    private SurpriseTest() {
    }

    /** The smaller tail's chance of {@code failures} among attempts predicted to succeed with {@code predicted}. */
    static double chance(double[] predicted, int failures) {
        if (failures < 0 || failures > predicted.length) {
            throw new IllegalArgumentException(failures + " failures among " + predicted.length + " attempts");
        }
        // distribution[k]: chance of k failures among the attempts so far
        double[] distribution = new double[predicted.length + 1];
        distribution[0] = 1;
        for (int i = 0; i < predicted.length; i++) {
            double fail = 1 - clamp(predicted[i]);
            for (int k = i + 1; k >= 1; k--) {
                distribution[k] = distribution[k] * (1 - fail) + distribution[k - 1] * fail;
            }
            distribution[0] *= 1 - fail;
        }
        double atLeast = 0;
        double atMost = 0;
        for (int k = 0; k <= predicted.length; k++) {
            if (k >= failures) {
                atLeast += distribution[k];
            }
            if (k <= failures) {
                atMost += distribution[k];
            }
        }
        return Math.min(1, Math.min(atLeast, atMost));
    }

    static double clamp(double p) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, p));
    }
}
