package com.topup.channel.health;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
 * <p>A sudden change is not left to the half-life. Each attempt is judged against what the model predicted for it
 * just before learning it (for its own province, band and hour): the latest {@code changeRun} attempts of a channel
 * for a carrier are a surprise when as many failures as they had (or as few) had a chance below
 * {@code changeSignificance} under those predictions ({@link SurpriseTest}). Failures the cells already expect (a
 * province that is known to fail) are no surprise. A surprise is then placed ({@link ChangeLocator}): when it is
 * in one province, it is that province's cells to learn, as they learn every attempt, and nothing is forgotten;
 * when it is spread over provinces, the channel × carrier record and every cell below it were learnt from a channel
 * that is no more, and start again from the run. The broader levels keep their record.
 *
 * <p>Learning and predicting may run on different threads: each tally is an immutable value replaced atomically,
 * so a prediction never waits for learning (one made while a change is being applied may see part of it).
 */
public final class SuccessModel {

    /** Tuning of the estimator; see {@link ChannelHealthConfig.Prediction}. */
    public record Settings(double halfLifeMillis, double priorSuccess, long priorLatencyMillis, double priorAttempts,
                           double cellPriorAttempts, double confidenceAttempts, ZoneId zone, int changeRun,
                           double changeSignificance, double changeSpreadSignificance) {
    }

    /**
     * A change found in a channel's success for a carrier: {@code failures} of its latest {@code attempts} where the
     * predictions expected {@code expectedFailures}, a chance of {@code chance}; {@code province} is where it was
     * placed, null when spread over the channel and carrier.
     */
    public record Change(String channel, String carrier, String province, int attempts, int failures,
                         double expectedFailures, double chance) {
    }

    /** What learning an attempt did: the prediction it was judged against, and the change it completed, or null. */
    public record Learnt(SuccessPrediction before, Change change) {
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
    /** The run judged for change, by the channel × carrier level's key; only the learning thread touches it. */
    private final Map<Key, RecentRun> runs = new ConcurrentHashMap<>();

    public SuccessModel(Settings settings) {
        if (settings.halfLifeMillis() <= 0 || settings.priorAttempts() <= 0 || settings.cellPriorAttempts() <= 0
                || settings.confidenceAttempts() <= 0 || settings.changeRun() < 0
                || !(settings.changeSignificance() >= 0 && settings.changeSignificance() < 1)
                || !(settings.changeSpreadSignificance() >= 0 && settings.changeSpreadSignificance() <= 1)
                || settings.priorSuccess() < 0 || settings.priorSuccess() > 1) {
            throw new IllegalArgumentException("half-life, prior attempts and confidence attempts must be positive, "
                    + "the prior success within 0..1, the change run not negative, its significances within 0..1");
        }
        this.settings = settings;
    }

    /**
     * Learns one finished attempt, after judging it against the model's prediction for it; when it completes a
     * surprising run, the level the surprise is in starts again from the run.
     */
    public Learnt learn(Observation o) {
        SuccessPrediction before = predict(o.channel(), o.carrier(), o.province(), o.faceValue(), o.finishedAt());
        List<Key> path = path(o.channel(), o.carrier(), o.province(), o.faceValue(), o.finishedAt());
        for (Key key : path) {
            add(key, o);
        }
        if (settings.changeRun() == 0) {
            return new Learnt(before, null);
        }
        Key channelAndCarrier = path.get(CHANNEL_AND_CARRIER);
        RecentRun.Judged judged = new RecentRun.Judged(o, before.success());
        RecentRun run = runs.merge(channelAndCarrier, RecentRun.EMPTY.plus(judged, settings.changeRun()),
                (old, ignored) -> old.plus(judged, settings.changeRun()));
        double chance = SurpriseTest.chance(run.predicted(), run.failures());
        if (chance >= settings.changeSignificance()) {
            if (run.placed() != null) {
                runs.put(channelAndCarrier, run.placed(null));
            }
            return new Learnt(before, null);
        }
        String province = ChangeLocator.locate(run, settings.changeSpreadSignificance());
        if (province != null && province.equals(run.placed())) {
            return new Learnt(before, null);
        }
        Change change = new Change(o.channel(), o.carrier(), province, run.size(), run.failures(),
                run.expectedFailures(), chance);
        if (province == null) {
            startAgain(run);
            runs.remove(channelAndCarrier);
        } else {
            // the province's cells learn it, as they learn every attempt; the run goes on, so that failures spreading
            // to other provinces are still seen
            runs.put(channelAndCarrier, run.placed(province));
        }
        return new Learnt(before, change);
    }

    /**
     * Drops the channel × carrier record of the run's channel and carrier and every cell below it (narrowest first,
     * so a prediction meanwhile never finds a narrower level holding more than the broader one), then learns the
     * run's attempts again at those levels; the broader levels have them already.
     */
    private void startAgain(RecentRun run) {
        Observation first = run.attempts().get(0).attempt();
        Predicate<Key> level = k -> k.channel().equals(first.channel()) && k.carrier().equals(first.carrier());
        tallies.keySet().removeIf(k -> level.test(k) && k.band() != null);
        tallies.keySet().removeIf(k -> level.test(k) && !ANY.equals(k.province()));
        tallies.keySet().removeIf(level);
        for (RecentRun.Judged j : run.attempts()) {
            Observation o = j.attempt();
            List<Key> path = path(o.channel(), o.carrier(), o.province(), o.faceValue(), o.finishedAt());
            for (Key key : path.subList(CHANNEL_AND_CARRIER, path.size())) {
                add(key, o);
            }
        }
    }

    private void add(Key key, Observation o) {
        long at = o.finishedAt().toEpochMilli();
        tallies.merge(key, DecayedTally.EMPTY.plus(at, o.succeeded(), o.latencyMillis(), settings.halfLifeMillis()),
                (old, ignored) -> old.plus(at, o.succeeded(), o.latencyMillis(), settings.halfLifeMillis()));
    }

    /** Forgets everything learnt. */
    public void clear() {
        tallies.clear();
        runs.clear();
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

    /** The attempt's province as the model keys it (an unknown one is a province of its own). */
    static String province(Observation o) {
        return o.province() == null ? UNKNOWN_PROVINCE : o.province();
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
