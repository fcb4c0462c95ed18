package com.topup.channel.health;

import java.time.Instant;
import java.util.List;

/**
 * Predicted against observed success of finished attempts, per channel: what the routing decision predicted for the
 * channel it chose (recorded on the attempt) and how the attempts ended, overall, by band of predicted success, by
 * time window and by carrier. Attempts still open or routed without a prediction are left out.
 */
public record CalibrationReport(Instant from, Instant to, int windowMinutes, List<ChannelCalibration> channels) {

    /** Attempts, their mean predicted success and the share that succeeded (both null without attempts). */
    public record Figures(long attempts, Double predicted, Double observed) {
    }

    public record Band(double from, double to, long attempts, Double predicted, Double observed) {
    }

    /** Attempts that finished in [from, to). */
    public record Window(Instant from, Instant to, long attempts, Double predicted, Double observed) {
    }

    public record Carrier(String carrier, long attempts, Double predicted, Double observed) {
    }

    /** One channel's figures; bands, windows and carriers without attempts are absent. */
    public record ChannelCalibration(String channel, Figures overall, List<Band> bands, List<Window> windows,
                                     List<Carrier> carriers) {
    }
}
