package com.topup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Brier score, log loss and calibration bands of the replay's prediction report. */
class PredictionScoresTest {

    @Test
    void brierAndLogLossOfKnownPredictions() {
        PredictionScores s = new PredictionScores();
        s.add(0.9, true);
        s.add(0.9, false);
        s.add(0.5, true);
        assertEquals(3, s.count());
        assertEquals((0.01 + 0.81 + 0.25) / 3, s.brier(), 1e-12);
        assertEquals(-(Math.log(0.9) + Math.log(0.1) + Math.log(0.5)) / 3, s.logLoss(), 1e-12);
    }

    @Test
    void certainMissesAreClippedInTheLogLoss() {
        PredictionScores s = new PredictionScores();
        s.add(1.0, false);
        s.add(0.0, false);
        assertEquals(0.5, s.brier(), 1e-12);
        assertEquals(-Math.log(0.001) / 2 - Math.log(0.999) / 2, s.logLoss(), 1e-12);
    }

    @Test
    void calibrationGroupsByPredictedBandAndMerges() {
        PredictionScores a = new PredictionScores();
        a.add(0.60, false);
        a.add(0.90, true);
        a.add(0.92, false);
        PredictionScores b = new PredictionScores();
        b.add(0.99, true);
        b.add(1.00, true);
        a.addAll(b);
        List<PredictionScores.Band> bands = a.calibration();
        assertEquals(List.of("0.00-0.70", "0.70-0.85", "0.85-0.95", "0.95-0.98", "0.98-1.00"),
                bands.stream().map(PredictionScores.Band::name).toList());
        assertEquals(1, bands.get(0).attempts());
        assertEquals(0.0, bands.get(0).observed(), 1e-12);
        assertEquals(0, bands.get(1).attempts());
        assertEquals(2, bands.get(2).attempts());
        assertEquals(0.91, bands.get(2).meanPredicted(), 1e-12);
        assertEquals(0.5, bands.get(2).observed(), 1e-12);
        assertEquals(2, bands.get(4).attempts());
        assertEquals(5, a.count());
    }
}
