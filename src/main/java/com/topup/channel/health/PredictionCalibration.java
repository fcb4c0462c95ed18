package com.topup.channel.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How well the success model's predictions match what happened, per channel, for Prometheus: recency-weighted
 * (same half-life as the model) mean predicted success of finished attempts, taken just before each attempt is
 * learnt, against their observed success. {@code topup_channel_prediction_calibration} is observed / predicted:
 * 1 when the model is right on average, below 1 when it is too hopeful.
 */
@ApplicationScoped
class PredictionCalibration {

    private final MeterRegistry registry;
    private final double halfLifeMillis;
    private final Map<String, Tally> byChannel = new ConcurrentHashMap<>();

    /** Recency-weighted attempts, predicted successes and observed successes, stated as of {@code at}. */
    private record Tally(double attempts, double predicted, double observed, long at) {

        Tally plus(double prediction, boolean succeeded, long finishedAt, double halfLifeMillis) {
            if (attempts == 0) {
                return new Tally(1, prediction, succeeded ? 1 : 0, finishedAt);
            }
            double f = finishedAt >= at ? Math.pow(0.5, (finishedAt - at) / halfLifeMillis) : 1;
            double w = finishedAt >= at ? 1 : Math.pow(0.5, (at - finishedAt) / halfLifeMillis);
            return new Tally(attempts * f + w, predicted * f + w * prediction, observed * f + (succeeded ? w : 0),
                    Math.max(at, finishedAt));
        }
    }

    private static final Tally NONE = new Tally(0, 0, 0, Long.MIN_VALUE);

    @Inject
    PredictionCalibration(MeterRegistry registry, ChannelHealthConfig config) {
        this(registry, config.prediction().halfLife());
    }

    PredictionCalibration(MeterRegistry registry, Duration halfLife) {
        this.registry = registry;
        this.halfLifeMillis = halfLife.toMillis();
    }

    /** One finished attempt: what the model predicted for it and whether it succeeded. */
    void record(String channel, double predicted, boolean succeeded, long finishedAtMillis) {
        Tally one = new Tally(1, predicted, succeeded ? 1 : 0, finishedAtMillis);
        if (byChannel.putIfAbsent(channel, one) == null) {
            register(channel);
            return;
        }
        byChannel.computeIfPresent(channel, (c, t) -> t.plus(predicted, succeeded, finishedAtMillis, halfLifeMillis));
    }

    void clear() {
        byChannel.replaceAll((c, t) -> NONE);
    }

    private void register(String channel) {
        Gauge.builder("topup_channel_predicted_success", () -> predicted(channel)).tag("channel", channel)
                .description("recency-weighted mean predicted success of the channel's finished attempts").register(registry);
        Gauge.builder("topup_channel_observed_success", () -> observed(channel)).tag("channel", channel)
                .description("recency-weighted share of the channel's finished attempts that succeeded").register(registry);
        Gauge.builder("topup_channel_prediction_calibration", () -> observed(channel) / predicted(channel))
                .tag("channel", channel).description("observed / predicted success (1 = calibrated)").register(registry);
    }

    private double predicted(String channel) {
        Tally t = byChannel.getOrDefault(channel, NONE);
        return t.attempts() == 0 ? Double.NaN : t.predicted() / t.attempts();
    }

    private double observed(String channel) {
        Tally t = byChannel.getOrDefault(channel, NONE);
        return t.attempts() == 0 ? Double.NaN : t.observed() / t.attempts();
    }
}
