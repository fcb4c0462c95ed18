package com.topup.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A gradient-boosted tree model (XGBoost, logistic loss) of an attempt's chance of success, retrained in batch on a
 * schedule from a sliding window of finished attempts, each weighted by its age (its weight halves every half-life,
 * as the success model's tallies do). Until the first training it predicts the prior. Predictions read the last
 * trained model; training never runs inside a prediction.
 */
final class GbtSuccessModel implements AutoCloseable {

    /**
     * @param retrainEveryMillis simulated time between trainings
     * @param windowMillis       attempts that finished longer ago than this are dropped from training
     * @param halfLifeMillis     an attempt's training weight halves every half-life of age
     * @param firstTrainingRows  the first model is trained as soon as this many attempts have finished
     * @param rounds             boosting rounds (trees)
     * @param maxDepth           depth of each tree
     * @param eta                learning rate
     * @param minChildWeight     least summed hessian (weighted attempts) in a leaf
     * @param prior              prediction before the first training
     */
    record Settings(long retrainEveryMillis, long windowMillis, double halfLifeMillis, int firstTrainingRows, int rounds,
                    int maxDepth, double eta, double minChildWeight, double prior) {

        static Settings defaults() {
            return new Settings(60_000, 900_000, 300_000, 300, 100, 5, 0.1, 2, 0.95);
        }
    }

    /** Wall-clock cost of training and predicting over a run. */
    record Cost(int trainings, long trainingRows, long trainingNanos, long slowestTrainingNanos, long predictionCalls,
                long predictedRows, long predictionNanos) {

        Cost plus(Cost other) {
            return new Cost(trainings + other.trainings, trainingRows + other.trainingRows,
                    trainingNanos + other.trainingNanos, Math.max(slowestTrainingNanos, other.slowestTrainingNanos),
                    predictionCalls + other.predictionCalls, predictedRows + other.predictedRows,
                    predictionNanos + other.predictionNanos);
        }

        static Cost none() {
            return new Cost(0, 0, 0, 0, 0, 0, 0);
        }
    }

    private record Row(float[] features, boolean succeeded, long finishedAt) {
    }

    private final Settings settings;
    private final int width;
    private final Deque<Row> window = new ArrayDeque<>();
    private Booster booster;
    private long trainedAt = Long.MIN_VALUE;
    private Cost cost = Cost.none();

    GbtSuccessModel(Settings settings, int width) {
        this.settings = settings;
        this.width = width;
    }

    /** A finished attempt with the features it had when it started. */
    void add(float[] features, boolean succeeded, long finishedAt) {
        if (features.length != width) {
            throw new IllegalArgumentException("expected " + width + " features, got " + features.length);
        }
        window.addLast(new Row(features, succeeded, finishedAt));
    }

    /** Trains a new model if one is due at {@code now}: the first once enough attempts finished, then on schedule. */
    boolean trainIfDue(long now) {
        while (!window.isEmpty() && window.peekFirst().finishedAt() < now - settings.windowMillis()) {
            window.removeFirst();
        }
        boolean due = booster == null ? window.size() >= settings.firstTrainingRows()
                : now - trainedAt >= settings.retrainEveryMillis();
        if (!due || window.isEmpty()) {
            return false;
        }
        train(now);
        return true;
    }

    /** The chance of success of each row ({@code rows.length} is a multiple of the width), as of the last training. */
    double[] predict(float[] rows) {
        int n = rows.length / width;
        double[] out = new double[n];
        if (booster == null) {
            java.util.Arrays.fill(out, settings.prior());
            return out;
        }
        long started = System.nanoTime();
        try {
            float[][] predicted = booster.inplace_predict(rows, n, width, Float.NaN);
            for (int i = 0; i < n; i++) {
                out[i] = predicted[i][0];
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("prediction failed", e);
        }
        cost = new Cost(cost.trainings(), cost.trainingRows(), cost.trainingNanos(), cost.slowestTrainingNanos(),
                cost.predictionCalls() + 1, cost.predictedRows() + n, cost.predictionNanos() + System.nanoTime() - started);
        return out;
    }

    boolean trained() {
        return booster != null;
    }

    Cost cost() {
        return cost;
    }

    private void train(long now) {
        long started = System.nanoTime();
        int n = window.size();
        float[] data = new float[n * width];
        float[] labels = new float[n];
        float[] weights = new float[n];
        int i = 0;
        for (Row row : window) {
            System.arraycopy(row.features(), 0, data, i * width, width);
            labels[i] = row.succeeded() ? 1 : 0;
            weights[i] = (float) Math.pow(0.5, (now - row.finishedAt()) / settings.halfLifeMillis());
            i++;
        }
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(data, n, width, Float.NaN);
            matrix.setLabel(labels);
            matrix.setWeight(weights);
            Booster trained = XGBoost.train(matrix, params(), settings.rounds(), new HashMap<>(), null, null);
            if (booster != null) {
                booster.dispose();
            }
            booster = trained;
        } catch (XGBoostError e) {
            throw new IllegalStateException("training failed", e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
        trainedAt = now;
        long took = System.nanoTime() - started;
        cost = new Cost(cost.trainings() + 1, cost.trainingRows() + n, cost.trainingNanos() + took,
                Math.max(cost.slowestTrainingNanos(), took), cost.predictionCalls(), cost.predictedRows(),
                cost.predictionNanos());
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("max_depth", settings.maxDepth());
        p.put("eta", settings.eta());
        p.put("min_child_weight", settings.minChildWeight());
        p.put("nthread", 1);
        p.put("seed", 42);
        p.put("verbosity", 0);
        return p;
    }

    @Override
    public void close() {
        if (booster != null) {
            booster.dispose();
            booster = null;
        }
    }
}
