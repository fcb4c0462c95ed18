package com.topup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well an estimator predicted attempts before they were made: Brier score (mean squared error of the predicted
 * chance against the outcome, 0 is perfect), log loss (mean −ln of the chance given to what happened; predictions
 * are clipped to 0.001..0.999 so one confident miss does not dominate) and calibration by predicted band.
 */
final class PredictionScores {

    /** Upper bounds of the calibration bands; the routing rules' thresholds 0.70 and 0.85 are among them. */
    static final double[] BANDS = {0.70, 0.85, 0.95, 0.98, 1.0000001};
    private static final double CLIP = 0.001;

    private long count;
    private double squaredError;
    private double logLoss;
    private final long[] bandCount = new long[BANDS.length];
    private final double[] bandPredicted = new double[BANDS.length];
    private final long[] bandSucceeded = new long[BANDS.length];

    void add(double predicted, boolean succeeded) {
        double y = succeeded ? 1 : 0;
        double p = Math.min(1 - CLIP, Math.max(CLIP, predicted));
        count++;
        squaredError += (predicted - y) * (predicted - y);
        logLoss -= succeeded ? Math.log(p) : Math.log(1 - p);
        int band = band(predicted);
        bandCount[band]++;
        bandPredicted[band] += predicted;
        bandSucceeded[band] += succeeded ? 1 : 0;
    }

    void addAll(PredictionScores other) {
        count += other.count;
        squaredError += other.squaredError;
        logLoss += other.logLoss;
        for (int b = 0; b < BANDS.length; b++) {
            bandCount[b] += other.bandCount[b];
            bandPredicted[b] += other.bandPredicted[b];
            bandSucceeded[b] += other.bandSucceeded[b];
        }
    }

    long count() {
        return count;
    }

    double brier() {
        return count == 0 ? Double.NaN : squaredError / count;
    }

    double logLoss() {
        return count == 0 ? Double.NaN : logLoss / count;
    }

    /** Attempts, mean prediction and observed success in the band (index into {@link #BANDS}). */
    record Band(String name, long attempts, double meanPredicted, double observed) {
    }

    List<Band> calibration() {
        List<Band> bands = new ArrayList<>();
        double lower = 0;
        for (int b = 0; b < BANDS.length; b++) {
            String name = String.format(Locale.ROOT, "%.2f-%.2f", lower, Math.min(1, BANDS[b]));
            bands.add(new Band(name, bandCount[b], bandCount[b] == 0 ? Double.NaN : bandPredicted[b] / bandCount[b],
                    bandCount[b] == 0 ? Double.NaN : (double) bandSucceeded[b] / bandCount[b]));
            lower = BANDS[b];
        }
        return bands;
    }

    /** "n 6,512  Brier 0.0291  log loss 0.118" */
    String summary() {
        return String.format(Locale.ROOT, "n %,d  Brier %.4f  log loss %.4f", count, brier(), logLoss());
    }

    /** One cell per band: "0.85-0.95: 812 pred 0.912 obs 0.903". */
    String calibrationLine() {
        StringBuilder line = new StringBuilder();
        for (Band b : calibration()) {
            if (b.attempts() == 0) {
                continue;
            }
            line.append(String.format(Locale.ROOT, "%s%s: %,d pred %.3f obs %.3f", line.length() == 0 ? "" : " | ",
                    b.name(), b.attempts(), b.meanPredicted(), b.observed()));
        }
        return line.toString();
    }

    private static int band(double p) {
        for (int b = 0; b < BANDS.length; b++) {
            if (p < BANDS[b]) {
                return b;
            }
        }
        return BANDS.length - 1;
    }
}
