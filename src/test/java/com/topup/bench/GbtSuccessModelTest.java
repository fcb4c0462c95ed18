package com.topup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The boosted model of the quality replay: prior before training, the schedule, and what it learns. */
class GbtSuccessModelTest {

    private static final GbtSuccessModel.Settings SETTINGS = new GbtSuccessModel.Settings(60_000, 600_000, 300_000, 300, 60,
            3, 0.3, 1, 0.95);

    /** Two features: channel A (1) or B (0), and a noise feature. A succeeds 60 %, B 95 %. */
    private static void attempts(GbtSuccessModel model, int count, long finishedAt, double oddsA, double oddsB, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            boolean a = i % 2 == 0;
            float noise = random.nextInt(10);
            model.add(new float[] {a ? 1 : 0, noise}, random.nextDouble() < (a ? oddsA : oddsB), finishedAt);
        }
    }

    @Test
    void predictsThePriorUntilEnoughAttemptsFinished() {
        try (GbtSuccessModel model = new GbtSuccessModel(SETTINGS, 2)) {
            attempts(model, 299, 1_000, 0.6, 0.95, 1);
            assertFalse(model.trainIfDue(1_000));
            assertEquals(0.95, model.predict(new float[] {1, 0})[0], 1e-9);
            attempts(model, 1, 1_000, 0.6, 0.95, 2);
            assertTrue(model.trainIfDue(1_000));
            assertTrue(model.trained());
        }
    }

    @Test
    void learnsTheDifferenceBetweenChannelsAndIsRoughlyCalibrated() {
        try (GbtSuccessModel model = new GbtSuccessModel(SETTINGS, 2)) {
            attempts(model, 4_000, 10_000, 0.6, 0.95, 3);
            assertTrue(model.trainIfDue(10_000));
            double[] p = model.predict(new float[] {1, 5, 0, 5});
            assertEquals(0.60, p[0], 0.05, "channel A");
            assertEquals(0.95, p[1], 0.03, "channel B");
            assertEquals(1, model.cost().trainings());
            assertEquals(4_000, model.cost().trainingRows());
        }
    }

    @Test
    void retrainsOnScheduleAndFollowsAChangeThroughItsWindowAndWeights() {
        try (GbtSuccessModel model = new GbtSuccessModel(SETTINGS, 2)) {
            attempts(model, 2_000, 0, 0.95, 0.95, 4);
            assertTrue(model.trainIfDue(0));
            assertEquals(0.95, model.predict(new float[] {1, 5})[0], 0.03);
            attempts(model, 2_000, 30_000, 0.3, 0.95, 5);
            assertFalse(model.trainIfDue(30_000), "not due before a minute has passed");
            assertEquals(0.95, model.predict(new float[] {1, 5})[0], 0.03, "the last model until the next training");
            assertTrue(model.trainIfDue(60_000));
            // equal counts before and after the change, the newer ones weighted a little more: between the two
            double a = model.predict(new float[] {1, 5})[0];
            assertTrue(a > 0.5 && a < 0.75, "A after retraining: " + a);
            // past the window the old attempts are gone
            assertTrue(model.trainIfDue(630_000));
            assertEquals(0.3, model.predict(new float[] {1, 5})[0], 0.05);
        }
    }

    @Test
    void refusesRowsOfAnotherWidth() {
        try (GbtSuccessModel model = new GbtSuccessModel(SETTINGS, 2)) {
            assertThrows(IllegalArgumentException.class, () -> model.add(new float[] {1}, true, 0));
        }
    }
}
