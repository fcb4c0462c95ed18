package com.topup.bench;

import com.topup.channel.health.SuccessModel;
import com.topup.channel.health.SuccessPrediction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The estimators of one replay run: the production success model (always) and, where the run measures it, the
 * boosted model beside it. Both learn from the same finished attempts at the same refreshes; where both run, every
 * attempt is scored against what each predicted for it when it started (and against the true odds, the floor).
 */
final class ReplayEstimators implements AutoCloseable {

    /** Where the channel facts' predicted success comes from. */
    enum Source { SUCCESS_MODEL, GBT, TRUE_ODDS }

    /** What was predicted for an attempt when it started, and the boosted model's features then. */
    record Forecast(double model, double gbt, double truth, float[] features) {
    }

    /** The success model's change test in every run: the production defaults unless a bench option says otherwise. */
    private static volatile int changeRun = 20;
    private static volatile double changeSignificance = 0.0001;
    private static volatile double changeSpreadSignificance = 0.001;

    private final SuccessModel model;
    private final GbtSuccessModel gbt;
    private final GbtFeatures features;
    private final ReplayHealth health;
    private final RecentFailures recent = new RecentFailures();
    private final List<SuccessModel.Observation> unlearnt = new ArrayList<>();
    private final List<String> spreadChanges = new ArrayList<>();
    private int provinceChanges;
    private final PredictionScores modelScores = new PredictionScores();
    private final PredictionScores gbtScores = new PredictionScores();
    private final PredictionScores truthScores = new PredictionScores();

    /** {@code gbtSettings} null: the run has the success model only. */
    ReplayEstimators(ReplayScenario scenario, ReplayHealth health, GbtSuccessModel.Settings gbtSettings) {
        this.health = health;
        // the production defaults of topup.channel.health.prediction.*
        this.model = new SuccessModel(new SuccessModel.Settings(Duration.ofMinutes(5).toMillis(), 0.95, 1_000, 20, 50, 20,
                ZoneId.of("Asia/Shanghai"), changeRun, changeSignificance,
                changeSpreadSignificance));
        this.features = new GbtFeatures(scenario.suppliers().stream().map(ReplaySupplier::code).toList());
        this.gbt = gbtSettings == null ? null : new GbtSuccessModel(gbtSettings, features.width());
    }

    /** Sets the success model's change test for the runs that follow (run 0: none). */
    static void changeTest(int run, double significance, double spreadSignificance) {
        changeRun = run;
        changeSignificance = significance;
        changeSpreadSignificance = spreadSignificance;
    }

    static String changeTest() {
        return changeRun == 0 ? "none" : changeRun + " attempts at " + changeSignificance + ", spread at "
                + changeSpreadSignificance;
    }

    /** Learns the attempts finished since the last refresh; trains the boosted model when due. */
    void refresh(long now) {
        for (SuccessModel.Observation o : unlearnt) {
            SuccessModel.Change change = model.learn(o).change();
            if (change != null && change.province() == null) {
                spreadChanges.add(String.format(Locale.ROOT, "%s/%s at %.0f s", change.channel(), change.carrier(),
                        now / 1000.0));
            } else if (change != null) {
                provinceChanges++;
            }
            recent.finished(o.channel(), o.carrier(), o.province(), o.succeeded());
        }
        unlearnt.clear();
        if (gbt != null) {
            gbt.trainIfDue(now);
        }
    }

    /** Each supplier's prediction for the order now; from the boosted model, its success figure replaces the model's. */
    List<SuccessPrediction> predict(List<ReplaySupplier> suppliers, ReplayOrder order, long now, Source source) {
        List<SuccessPrediction> predictions = new ArrayList<>(suppliers.size());
        for (ReplaySupplier s : suppliers) {
            predictions.add(model.predict(s.code(), order.carrier(), order.province(), order.faceValue(), instant(now)));
        }
        if (source != Source.GBT || suppliers.isEmpty()) {
            return predictions;
        }
        float[] rows = new float[suppliers.size() * features.width()];
        for (int i = 0; i < suppliers.size(); i++) {
            features.write(rows, i * features.width(), suppliers.get(i).code(), order, now, health, recent);
        }
        double[] success = gbt.predict(rows);
        List<SuccessPrediction> boosted = new ArrayList<>(predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            SuccessPrediction p = predictions.get(i);
            boosted.add(new SuccessPrediction(success[i], p.sampleSize(), p.confidence(), p.expectedLatencyMillis()));
        }
        return boosted;
    }

    /** What both estimators predict for an attempt starting now; null where the run has no boosted model. */
    Forecast forecast(String channel, ReplayOrder order, long now, double truth) {
        if (gbt == null) {
            return null;
        }
        float[] row = new float[features.width()];
        features.write(row, 0, channel, order, now, health, recent);
        SuccessPrediction p = model.predict(channel, order.carrier(), order.province(), order.faceValue(), instant(now));
        return new Forecast(p.success(), gbt.predict(row)[0], truth, row);
    }

    /** A finished attempt: learnt at the next refresh, and scored where it was forecast. */
    void finished(String channel, ReplayOrder order, Forecast forecast, boolean succeeded, long now, long latency) {
        unlearnt.add(new SuccessModel.Observation(channel, order.carrier(), order.province(), order.faceValue(), succeeded,
                instant(now), latency));
        if (forecast != null) {
            modelScores.add(forecast.model(), succeeded);
            gbtScores.add(forecast.gbt(), succeeded);
            truthScores.add(forecast.truth(), succeeded);
            gbt.add(forecast.features(), succeeded, now);
        }
    }

    /** The changes the success model found over the run (warm-up included; seconds from the run's start). */
    String changes() {
        return "the success model started " + spreadChanges.size() + " channel x carrier records again "
                + spreadChanges + " and placed " + provinceChanges + " surprises in one province";
    }

    boolean measuresGbt() {
        return gbt != null;
    }

    PredictionScores modelScores() {
        return modelScores;
    }

    PredictionScores gbtScores() {
        return gbtScores;
    }

    PredictionScores truthScores() {
        return truthScores;
    }

    GbtSuccessModel.Cost gbtCost() {
        return gbt == null ? GbtSuccessModel.Cost.none() : gbt.cost();
    }

    private static Instant instant(long millis) {
        return PlatformReplay.START.plusMillis(millis);
    }

    @Override
    public void close() {
        if (gbt != null) {
            gbt.close();
        }
    }
}
