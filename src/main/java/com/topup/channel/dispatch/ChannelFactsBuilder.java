package com.topup.channel.dispatch;

import com.topup.channel.ChannelDefinition;
import com.topup.channel.ChannelDirectory;
import com.topup.channel.health.CarrierHealth;
import com.topup.channel.health.ChannelHealth;
import com.topup.channel.health.ChannelHealthService;
import com.topup.channel.health.ChannelHealthSnapshot;
import com.topup.channel.health.ChannelPredictions;
import com.topup.channel.health.CircuitBreakers;
import com.topup.channel.health.SuccessPrediction;
import com.topup.rules.model.ChannelFact;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Channels as rules see them: configuration from the directory, live figures from the latest health snapshot
 * (no query per order) and the circuit state all instances share.
 */
@ApplicationScoped
public class ChannelFactsBuilder {

    private final ChannelDirectory directory;
    private final ChannelHealthService health;
    private final CircuitBreakers circuits;
    private final ChannelPredictions predictions;

    public ChannelFactsBuilder(ChannelDirectory directory, ChannelHealthService health, CircuitBreakers circuits,
                               ChannelPredictions predictions) {
        this.directory = directory;
        this.health = health;
        this.circuits = circuits;
        this.predictions = predictions;
    }

    /**
     * Every enabled channel not in {@code tried}, with success rate and latency for the order's carrier where the
     * window has attempts for it (suppliers differ a lot between carriers), else the channel's overall figures, and
     * each channel's predicted success for an order of this carrier, province and face value (the province may be
     * null).
     */
    public List<ChannelFact> untried(Set<String> tried, String carrier, String province, long faceValue) {
        ChannelHealthSnapshot snapshot = health.snapshot();
        return directory.enabled().stream()
                .filter(channel -> !tried.contains(channel.code()))
                .map(channel -> fact(channel, snapshot.channel(channel.code()), snapshot.carrier(channel.code(), carrier),
                        predictions.predict(channel.code(), carrier, province, faceValue)))
                .toList();
    }

    private ChannelFact fact(ChannelDefinition channel, ChannelHealth figures, CarrierHealth forCarrier,
                             SuccessPrediction prediction) {
        boolean carrierKnown = forCarrier != null && forCarrier.finished() > 0;
        double successRate = carrierKnown ? forCarrier.successRate() : figures == null ? 1.0 : figures.successRate();
        long latencyP95 = carrierKnown ? forCarrier.latencyP95Millis() : figures == null ? 0 : figures.latencyP95Millis();
        int inFlight = figures == null ? 0 : figures.inFlight();
        long remaining = channel.dailyQuota() == null ? Long.MAX_VALUE
                : Math.max(0, channel.dailyQuota() - (figures == null ? 0 : figures.usedToday()));
        return new ChannelFact(channel.code(), channel.carriers(), channel.provinces(), channel.faceValues(),
                channel.costRateBp() / 10_000.0, successRate, latencyP95, inFlight, channel.capacity(),
                circuits.state(channel.code()).name(), remaining, prediction.success(), prediction.confidence(),
                prediction.sampleSize(), prediction.expectedLatencyMillis());
    }
}
