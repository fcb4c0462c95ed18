package com.topup.channel.health;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each channel's chance of success for an order, learned from finished attempts: recency-weighted tallies (every
 * attempt's weight halves each half-life) per channel × carrier × province × face-value band × hour of day and per
 * broader level (channel × carrier × province, channel × carrier, channel, all channels). The estimate starts from
 * the configured prior and walks down the levels; at each, the level's own attempts (those not in the narrower
 * level below it, so that every attempt counts once) are added to the estimate so far, which counts as
 * {@code priorAttempts} attempts down to channel × carrier and {@code cellPriorAttempts} below it (province, face
 * value and hour usually matter less than channel and carrier: only a clear difference should move them). A sparse or new cell therefore predicts what its channel and carrier do, and
 * moves away from it only as its own attempts accumulate.
 *
 * <p>The sample size (and so the confidence) is the channel's recency-weighted attempts for the carrier: how much
 * of the channel's own recent record for this kind of order the prediction rests on.
 *
 * <p>Learning and predicting may run on different threads: each tally is an immutable value replaced atomically,
 * so a prediction never waits for learning.
 */
public final class SuccessModel {

    /** Tuning of the estimator; see {@link ChannelHealthConfig.Prediction}. */
    public record Settings(double halfLifeMillis, double priorSuccess, long priorLatencyMillis, double priorAttempts,
                           double cellPriorAttempts, double confidenceAttempts, ZoneId zone) {
    }

    /** One finished attempt as the model learns from it. */
    public record Observation(String channel, String carrier, String province, long faceValue, boolean succeeded,
                              Instant finishedAt, long latencyMillis) {
    }

    private record Key(String channel, String carrier, String province, FaceValueBand band, int hour) {
    }

    private static final String ANY = "";
    private static final String UNKNOWN_PROVINCE = "?";
    /** Position of the channel × carrier level in {@link #path}: its attempts are the prediction's sample size. */
    private static final int CHANNEL_AND_CARRIER = 2;

    private final Settings settings;
    private final Map<Key, DecayedTally> tallies = new ConcurrentHashMap<>();

    public SuccessModel(Settings settings) {
        if (settings.halfLifeMillis() <= 0 || settings.priorAttempts() <= 0 || settings.cellPriorAttempts() <= 0
                || settings.confidenceAttempts() <= 0
                || settings.priorSuccess() < 0 || settings.priorSuccess() > 1) {
            throw new IllegalArgumentException("half-life, prior attempts and confidence attempts must be positive, "
                    + "the prior success within 0..1");
        }
        this.settings = settings;
    }

    public void learn(Observation o) {
        long at = o.finishedAt().toEpochMilli();
        for (Key key : path(o.channel(), o.carrier(), o.province(), o.faceValue(), o.finishedAt())) {
            tallies.merge(key, DecayedTally.EMPTY.plus(at, o.succeeded(), o.latencyMillis(), settings.halfLifeMillis()),
                    (old, ignored) -> old.plus(at, o.succeeded(), o.latencyMillis(), settings.halfLifeMillis()));
        }
    }

    /** Forgets everything learnt. */
    public void clear() {
        tallies.clear();
    }

    /** The prediction for an order of {@code carrier}, {@code province} and {@code faceValue} on {@code channel} now. */
    public SuccessPrediction predict(String channel, String carrier, String province, long faceValue, Instant now) {
        long at = now.toEpochMilli();
        List<Key> path = path(channel, carrier, province, faceValue, now);
        DecayedTally[] levels = new DecayedTally[path.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = tallies.getOrDefault(path.get(i), DecayedTally.EMPTY).as(at, settings.halfLifeMillis());
        }
        double success = settings.priorSuccess();
        double latency = settings.priorLatencyMillis();
        for (int i = 0; i < levels.length; i++) {
            // each level without the narrower one inside it, so every attempt counts once in the estimate
            DecayedTally inner = i + 1 < levels.length ? levels[i + 1] : DecayedTally.EMPTY;
            double attempts = Math.max(0, levels[i].attempts() - inner.attempts());
            double successes = Math.max(0, levels[i].successes() - inner.successes());
            double latencySum = Math.max(0, levels[i].latencyMillis() - inner.latencyMillis());
            double k = i > CHANNEL_AND_CARRIER ? settings.cellPriorAttempts() : settings.priorAttempts();
            success = (successes + k * success) / (attempts + k);
            latency = (latencySum + k * latency) / (attempts + k);
        }
        double sampleSize = levels[CHANNEL_AND_CARRIER].attempts();
        double confidence = sampleSize / (sampleSize + settings.confidenceAttempts());
        return new SuccessPrediction(Math.min(1, Math.max(0, success)), sampleSize, confidence, Math.round(latency));
    }

    /**
     * The kind of order this model predicts alike at any one moment, for every channel: the same carrier, province
     * and face-value band (the hour of day is the moment's). Orders of one kind may share their channel predictions.
     */
    public static String orderKind(String carrier, String province, long faceValue) {
        return carrier + "/" + (province == null ? UNKNOWN_PROVINCE : province) + "/" + FaceValueBand.of(faceValue);
    }

    /** From the broadest level to the full cell: all channels, channel, + carrier, + province, + band and hour. */
    private List<Key> path(String channel, String carrier, String province, long faceValue, Instant when) {
        String p = province == null ? UNKNOWN_PROVINCE : province;
        int hour = when.atZone(settings.zone()).getHour();
        return List.of(
                new Key(ANY, ANY, ANY, null, -1),
                new Key(channel, ANY, ANY, null, -1),
                new Key(channel, carrier, ANY, null, -1),
                new Key(channel, carrier, p, null, -1),
                new Key(channel, carrier, p, FaceValueBand.of(faceValue), hour));
    }
}
