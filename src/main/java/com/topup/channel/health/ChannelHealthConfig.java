package com.topup.channel.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "topup.channel.health")
public interface ChannelHealthConfig {

    /** How far back finished attempts count towards success rate, latency and the breaker. */
    @WithDefault("5m")
    Duration window();

    /** How often each instance re-reads the figures and evaluates the breakers. */
    @WithDefault("500ms")
    Duration refreshInterval();

    /**
     * A 10-second tally slot that ended this long ago is read once and kept: only a transaction running longer, or a
     * correction of an old attempt (a repair, an operator's decision), still changes it.
     */
    @WithDefault("30s")
    Duration tallySealDelay();

    /** How often a refresh reads the whole window's tallies again, picking up such late changes to kept slots. */
    @WithDefault("1m")
    Duration tallyRereadInterval();

    /** Success rate assumed for a channel (or channel and carrier) before it has finished attempts. */
    @WithDefault("0.95")
    double priorSuccessRate();

    /** Weight of the prior, in attempts: rate = (successes + prior × weight) / (finished + weight). */
    @WithDefault("5")
    double priorWeight();

    /** Latency (p50 and p95) reported for a channel (or channel and carrier) without finished attempts. */
    @WithDefault("1s")
    Duration priorLatency();

    Circuit circuit();

    /** The success model behind each channel fact's predicted success (see {@link SuccessModel}). */
    Prediction prediction();

    /** The counts behind the calibration report (predicted against observed success), see {@link CalibrationRollup}. */
    Calibration calibration();

    interface Calibration {

        /** How often an instance adds the attempts finished since the last roll (one instance at a time rolls). */
        @WithDefault("1m")
        Duration rollInterval();

        /**
         * How far behind the database clock the roll stays: longer than any transaction that finishes an attempt may
         * run (the transaction timeout) plus the clock difference between the instances and the database.
         */
        @WithDefault("2m")
        Duration lag();

        /** Most attempts' time one roll transaction adds (catching up after a pause takes several). */
        @WithDefault("1h")
        Duration step();

        /** How long the counts are kept; at least the report's longest period (168 hours) and a bucket. */
        @WithDefault("8d")
        Duration retention();
    }

    interface Prediction {

        /** After this long an attempt counts half as much as a fresh one, after twice as long a quarter … */
        @WithDefault("5m")
        Duration halfLife();

        /**
         * How many attempts the next broader level's estimate counts as when a level's own figures are judged, for
         * the channel and the channel × carrier levels.
         */
        @WithDefault("20")
        double priorAttempts();

        /** The same for the province and the face-value band × hour levels below channel × carrier. */
        @WithDefault("50")
        double cellPriorAttempts();

        /** The channel's recency-weighted attempts for the order's carrier at which a prediction's confidence is 0.5. */
        @WithDefault("20")
        double confidenceAttempts();

        /**
         * How many of a channel's latest attempts for a carrier are judged against the model's own predictions for
         * them, so that a sudden change is followed within a few attempts (0: no judging, changes fade in with the
         * half-life).
         */
        @WithDefault("20")
        int changeRun();

        /**
         * How unlikely under those predictions the attempts' failures must be (too many or too few) for the level the
         * surprise is in (a province of the channel and carrier, or the channel and carrier) to forget its record.
         */
        @WithDefault("0.0001")
        double changeSignificance();

        /**
         * A surprise is one province's (its cells learn it; nothing is forgotten) when the rest of the attempts is
         * at least this likely under their predictions; otherwise it is spread over the channel and carrier, whose
         * record then starts again from the attempts.
         */
        @WithDefault("0.001")
        double changeSpreadSignificance();

        /** Time zone of the hour-of-day cells (when people top up follows local time). */
        @WithDefault("Asia/Shanghai")
        java.time.ZoneId zone();

        /** How far back an instance reads finished attempts when it starts (older ones weigh next to nothing). */
        @WithDefault("3h")
        Duration lookback();

        /** How often each instance reads the attempts whose finishes committed since its last round. */
        @WithDefault("1s")
        Duration refreshInterval();
    }

    interface Circuit {

        /** How many of the channel's most recent finished attempts the opening rule looks at. */
        @WithDefault("20")
        int evaluatedAttempts();

        /** Fewest finished attempts among those before the failure share may open the circuit. */
        @WithDefault("10")
        int minVolume();

        /** Share of channel faults among the evaluated attempts that opens the circuit (0 to 1). */
        @WithDefault("0.5")
        double failureThreshold();

        /** Channel faults in a row (most recent attempts) that open the circuit regardless of volume. */
        @WithDefault("5")
        int consecutiveFailures();

        /** How long an open circuit refuses all traffic before it lets probes through (half-open). */
        @WithDefault("30s")
        Duration openDuration();

        /** Most probe attempts in flight at once across the cluster while half-open. */
        @WithDefault("2")
        int probeConcurrency();

        /** Probe successes in a row that close a half-open circuit. */
        @WithDefault("3")
        int probeSuccesses();

        /** A half-open circuit whose probes report nothing for this long opens again (their results were lost). */
        @WithDefault("2m")
        Duration probeTimeout();
    }
}
