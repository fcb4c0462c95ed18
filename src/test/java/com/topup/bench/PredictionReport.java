package com.topup.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The prediction-quality part of the replay report: per scenario and overall, for each run that scored both
 * estimators, the success model's and the boosted model's Brier score, log loss and calibration on the attempts of
 * that run (each attempt predicted before it was made), the true odds as the floor, and what training and
 * predicting the boosted model cost in wall time.
 */
final class PredictionReport {

    private static final class Totals {
        final PredictionScores model = new PredictionScores();
        final PredictionScores gbt = new PredictionScores();
        final PredictionScores truth = new PredictionScores();
        GbtSuccessModel.Cost cost = GbtSuccessModel.Cost.none();

        void add(ReplayEstimators e) {
            model.addAll(e.modelScores());
            gbt.addAll(e.gbtScores());
            truth.addAll(e.truthScores());
            cost = cost.plus(e.gbtCost());
        }
    }

    private final Map<String, Totals> overall = new LinkedHashMap<>();
    private final Map<String, Totals> scenario = new LinkedHashMap<>();

    /** One run of the current scenario, if it scored both estimators. */
    void add(String policy, ReplayEstimators estimators) {
        if (!estimators.measuresGbt()) {
            return;
        }
        scenario.computeIfAbsent(policy, p -> new Totals()).add(estimators);
        overall.computeIfAbsent(policy, p -> new Totals()).add(estimators);
    }

    /** The current scenario's block; starts the next scenario. */
    void printScenario(PrintStream out) {
        if (scenario.isEmpty()) {
            return;
        }
        out.println("prediction quality (every attempt, predicted when it started; lower is better):");
        scenario.forEach((policy, t) -> print(out, policy, t, false));
        scenario.clear();
    }

    void printOverall(PrintStream out) {
        if (overall.isEmpty()) {
            return;
        }
        out.printf("%n== prediction quality, all scenarios (lower is better; calibration: attempts, mean predicted,"
                + " observed success per predicted band)%n");
        overall.forEach((policy, t) -> print(out, policy, t, true));
    }

    private static void print(PrintStream out, String policy, Totals t, boolean calibration) {
        out.printf(Locale.ROOT, "  attempts of the %s run:%n", policy);
        out.printf(Locale.ROOT, "    success model  %s%n", t.model.summary());
        out.printf(Locale.ROOT, "    boosted trees  %s%n", t.gbt.summary());
        out.printf(Locale.ROOT, "    true odds      %s  (the floor: what knowing the odds would score)%n", t.truth.summary());
        if (calibration) {
            out.printf("    calibration, success model: %s%n", t.model.calibrationLine());
            out.printf("    calibration, boosted trees: %s%n", t.gbt.calibrationLine());
        }
        GbtSuccessModel.Cost c = t.cost;
        out.printf(Locale.ROOT, "    boosted trees cost (wall time): %d trainings of %,.0f attempts on average, %.0f ms mean,"
                        + " %.0f ms slowest; %,d predictions calls for %,d rows, %.1f µs per call%n",
                c.trainings(), c.trainings() == 0 ? 0.0 : (double) c.trainingRows() / c.trainings(),
                c.trainings() == 0 ? 0.0 : c.trainingNanos() / 1e6 / c.trainings(), c.slowestTrainingNanos() / 1e6,
                c.predictionCalls(), c.predictedRows(),
                c.predictionCalls() == 0 ? 0.0 : c.predictionNanos() / 1e3 / c.predictionCalls());
    }
}
