package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The test statistic behind the success model's change detection: failures against the attempts' own predictions. */
class SurpriseTestTest {

    private static double[] alike(int attempts, double predicted) {
        double[] p = new double[attempts];
        Arrays.fill(p, predicted);
        return p;
    }

    @Test
    void withEqualPredictionsItIsTheBinomialTail() {
        // P(X >= 4 | 10, 0.02) = 3.05e-5, P(X >= 3 | 10, 0.02) = 8.64e-4
        assertEquals(3.0506e-5, SurpriseTest.chance(alike(10, 0.98), 4), 1e-8);
        assertEquals(8.639e-4, SurpriseTest.chance(alike(10, 0.98), 3), 1e-6);
        assertEquals(Math.pow(0.98, 10), SurpriseTest.chance(alike(10, 0.98), 0), 1e-12, "no failure: the lower tail is all");
    }

    @Test
    void eachAttemptCountsWithItsOwnPrediction() {
        // one attempt at 50 %, one at 90 %: no failure 0.45, one 0.5, two 0.05
        double[] p = {0.5, 0.9};
        assertEquals(0.05, SurpriseTest.chance(p, 2), 1e-12);
        assertEquals(0.45, SurpriseTest.chance(p, 0), 1e-12);
        assertEquals(0.55, SurpriseTest.chance(p, 1), 1e-12, "the smaller tail: 0.45 + 0.5 against 0.5 + 0.05");
    }

    @Test
    void failuresThePredictionsExpectAreNoSurprise() {
        assertEquals(Math.pow(0.9, 5), SurpriseTest.chance(alike(5, 0.1), 5), 1e-12, "five failures predicted at 90 %");
        double[] mixed = {0.99, 0.99, 0.05, 0.05, 0.05, 0.99, 0.99, 0.99, 0.05, 0.99};
        assertTrue(SurpriseTest.chance(mixed, 4) > 0.1, "four failures where four were expected");
    }

    @Test
    void farFewerFailuresThanPredictedIsASurpriseToo() {
        assertEquals(Math.pow(0.3, 10), SurpriseTest.chance(alike(10, 0.3), 0), 1e-12);
    }

    @Test
    void aCertainPredictionDoesNotMakeAnOutcomeImpossible() {
        assertTrue(SurpriseTest.chance(alike(10, 1.0), 1) > 0, "held 1e-4 away from certainty");
        assertThrows(IllegalArgumentException.class, () -> SurpriseTest.chance(alike(3, 0.9), 4));
    }
}
