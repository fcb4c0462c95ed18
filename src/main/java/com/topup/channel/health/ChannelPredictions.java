package com.topup.channel.health;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The success model of this instance, kept up to date in the background from the attempts table that every
 * instance writes, so all instances learn from the same attempts. A prediction reads the model as it is and never
 * waits for a refresh; a failed refresh keeps what was learnt and tries again next round.
 */
@ApplicationScoped
public class ChannelPredictions {

    private static final Logger LOG = Logger.getLogger(ChannelPredictions.class);
    private static final int BATCH = 5_000;

    private final FinishedAttempts attempts;
    private final HealthClock clock;
    private final ChannelHealthConfig.Prediction config;
    private final SuccessModel model;
    private final PredictionCalibration calibration;
    /** Attempts learnt that finished within the overlap before {@link #newest}: id → finish time. */
    private final Map<String, Instant> recent = new HashMap<>();
    private Instant newest;
    private boolean failing;

    ChannelPredictions(FinishedAttempts attempts, HealthClock clock, ChannelHealthConfig config,
                       PredictionCalibration calibration) {
        this.attempts = attempts;
        this.calibration = calibration;
        this.clock = clock;
        this.config = config.prediction();
        this.model = new SuccessModel(new SuccessModel.Settings(this.config.halfLife().toMillis(),
                config.priorSuccessRate(), config.priorLatency().toMillis(), this.config.priorAttempts(),
                this.config.cellPriorAttempts(), this.config.confidenceAttempts(), this.config.zone(),
                this.config.changeRun(), this.config.changeSignificance(),
                this.config.changeSpreadSignificance()));
    }

    /** The channel's predicted success for an order of this carrier, province and face value, as of now. */
    public SuccessPrediction predict(String channel, String carrier, String province, long faceValue) {
        return model.predict(channel, carrier, province, faceValue, clock.now());
    }

    @Scheduled(every = "${topup.channel.health.prediction.refresh-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            catchUp();
            if (failing) {
                LOG.info("Success model refresh works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.error("Success model refresh failed; predicting from what was learnt so far", e);
                failing = true;
            }
        }
    }

    /** Learns every attempt finished since the last round (the lookback on the first round). */
    public synchronized void catchUp() {
        if (newest == null) {
            newest = clock.now().minus(config.lookback());
        }
        Instant cursor = newest.minus(config.overlap());
        while (true) {
            List<FinishedAttempts.Row> rows = attempts.after(cursor, BATCH);
            for (FinishedAttempts.Row row : rows) {
                Instant finished = row.observation().finishedAt();
                if (recent.putIfAbsent(row.id(), finished) == null) {
                    SuccessModel.Observation o = row.observation();
                    SuccessModel.Learnt learnt = model.learn(o);
                    calibration.record(o.channel(), learnt.before().success(), o.succeeded(), finished.toEpochMilli());
                    if (learnt.change() != null) {
                        logChange(learnt.change());
                    }
                }
                if (finished.isAfter(newest)) {
                    newest = finished;
                }
            }
            Instant horizon = newest.minus(config.overlap());
            recent.values().removeIf(finished -> finished.isBefore(horizon));
            if (rows.size() < BATCH) {
                return;
            }
            // a full batch: go on from its last attempt (ties at that instant are read again and skipped by id)
            cursor = rows.get(rows.size() - 1).observation().finishedAt().minusMillis(1);
        }
    }

    private static void logChange(SuccessModel.Change c) {
        LOG.infof("%s for %s%s changed: %d of its latest %d attempts failed where %.1f were expected (a chance of %.1e);"
                        + " %s", c.channel(), c.carrier(), c.province() == null ? "" : " in " + c.province(), c.failures(),
                c.attempts(), c.expectedFailures(), c.chance(), c.province() == null
                        ? "its record for the carrier starts again from them"
                        : "the province's figures learn it, its record for the carrier stays");
    }

    /** Forgets what was learnt and learns again from the attempts table (the lookback from now). */
    public synchronized void relearn() {
        model.clear();
        calibration.clear();
        recent.clear();
        newest = null;
        catchUp();
    }
}
