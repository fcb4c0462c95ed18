package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The calibration gauges compare the model's predictions with what happened, per channel. */
class PredictionCalibrationTest {

    @Test
    void aModelThatHopedForTooMuchShowsACalibrationBelowOne() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PredictionCalibration calibration = new PredictionCalibration(registry, Duration.ofMinutes(5));
        long now = 1_000_000;
        for (int i = 0; i < 100; i++) {
            calibration.record("A", 0.95, i < 80, now);
            calibration.record("B", 0.90, i < 90, now);
        }
        assertEquals(0.95, gauge(registry, "topup_channel_predicted_success", "A"), 1e-9);
        assertEquals(0.80, gauge(registry, "topup_channel_observed_success", "A"), 1e-9);
        assertEquals(0.80 / 0.95, gauge(registry, "topup_channel_prediction_calibration", "A"), 1e-9);
        assertEquals(1.0, gauge(registry, "topup_channel_prediction_calibration", "B"), 1e-9);
    }

    @Test
    void olderAttemptsWeighLess() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PredictionCalibration calibration = new PredictionCalibration(registry, Duration.ofMinutes(5));
        long t0 = 1_000_000;
        for (int i = 0; i < 100; i++) {
            calibration.record("A", 0.9, false, t0);
        }
        for (int i = 0; i < 100; i++) {
            calibration.record("A", 0.9, true, t0 + Duration.ofMinutes(10).toMillis());
        }
        // the failures are two half-lives older: they weigh a quarter
        assertEquals(100 / 125.0, gauge(registry, "topup_channel_observed_success", "A"), 1e-9);
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String channel) {
        return registry.get(name).tag("channel", channel).gauge().value();
    }
}
