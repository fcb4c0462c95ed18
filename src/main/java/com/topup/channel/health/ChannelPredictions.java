package com.topup.channel.health;

import com.topup.common.work.RecurringJob;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The success model of this instance, kept up to date in the background from the attempts table that every
 * instance writes, so all instances learn from the same attempts. A prediction reads the model as it is and never
 * waits for a refresh; a failed refresh keeps what was learnt and tries again next round. The rounds run on the
 * {@code success-model} worker, every {@code topup.channel.health.prediction.refresh-interval}.
 */
@ApplicationScoped
public class ChannelPredictions {

    private static final Logger LOG = Logger.getLogger(ChannelPredictions.class);
    private static final int BATCH = 5_000;
    private static final Comparator<FinishedAttempts.Row> FINISH_ORDER =
            Comparator.comparing((FinishedAttempts.Row row) -> row.observation().finishedAt())
                    .thenComparing(FinishedAttempts.Row::id);

    private final FinishedAttempts attempts;
    private final HealthClock clock;
    private final ChannelHealthConfig.Prediction config;
    private final SuccessModel model;
    private final PredictionCalibration calibration;
    private final Vertx vertx;
    /** What the rounds have read up to, and where an unfinished round goes on from. */
    private final ReadPosition position = new ReadPosition();
    private boolean failing;
    private RecurringJob refresher;

    ChannelPredictions(FinishedAttempts attempts, HealthClock clock, ChannelHealthConfig config,
                       PredictionCalibration calibration, Vertx vertx) {
        this.attempts = attempts;
        this.calibration = calibration;
        this.vertx = vertx;
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

    void start(@Observes StartupEvent event) {
        refresher = new RecurringJob(vertx, "success-model", null, this::refresh);
        refresher.start(Duration.ZERO);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.stop();
        }
    }

    private Duration refresh() {
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
        return config.refreshInterval();
    }

    /**
     * Learns every attempt whose finish this instance has not read: on the first round, those finished within the
     * lookback; then those committed since the last round, however late after their finish time. Each page is learnt
     * in the order its attempts finished. A round that fails goes on next time from its last page read, under the
     * same snapshot, so no attempt is learnt twice or missed.
     */
    public synchronized void catchUp() {
        if (position.until == null) {
            position.until = attempts.snapshot();
        }
        if (position.from == null) {
            catchUpWithin(clock.now().minus(config.lookback()));
        } else {
            catchUpCommitted();
        }
        position.roundRead();
    }

    private void catchUpWithin(Instant since) {
        if (position.afterFinished == null) {
            position.afterFinished = since;
        }
        List<FinishedAttempts.Row> rows;
        do {
            rows = attempts.seenBy(position.until, since, position.afterFinished, position.afterId, BATCH);
            learn(rows);
            if (!rows.isEmpty()) {
                FinishedAttempts.Row last = rows.get(rows.size() - 1);
                position.afterFinished = last.observation().finishedAt();
                position.afterId = last.id();
            }
        } while (rows.size() == BATCH);
    }

    private void catchUpCommitted() {
        if (position.afterXid == null) {
            position.afterXid = oldestUnseen(position.from);
        }
        List<FinishedAttempts.Row> rows;
        do {
            rows = attempts.committedBetween(position.from, position.until, position.afterXid, position.afterId, BATCH);
            learn(rows.stream().sorted(FINISH_ORDER).toList());
            if (!rows.isEmpty()) {
                FinishedAttempts.Row last = rows.get(rows.size() - 1);
                position.afterXid = last.finishXid();
                position.afterId = last.id();
            }
        } while (rows.size() == BATCH);
    }

    /** The lowest transaction a snapshot did not see as committed: its text is {@code xmin:xmax:xip,...}. */
    static String oldestUnseen(String snapshot) {
        return snapshot.substring(0, snapshot.indexOf(':'));
    }

    private void learn(List<FinishedAttempts.Row> rows) {
        for (FinishedAttempts.Row row : rows) {
            SuccessModel.Observation o = row.observation();
            SuccessModel.Learnt learnt = model.learn(o);
            calibration.record(o.channel(), learnt.before().success(), o.succeeded(), o.finishedAt().toEpochMilli());
            if (learnt.change() != null) {
                logChange(learnt.change());
            }
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
        position.forget();
        catchUp();
    }

    /**
     * The snapshot the last whole round read up to ({@code from}; null before the first), the one the current round
     * reads up to ({@code until}; null between rounds), and the last attempt the current round has read.
     */
    private static final class ReadPosition {
        private String from;
        private String until;
        private Instant afterFinished;
        private String afterXid;
        private String afterId = "";

        void roundRead() {
            from = until;
            until = null;
            afterFinished = null;
            afterXid = null;
            afterId = "";
        }

        void forget() {
            from = null;
            roundRead();
        }
    }
}
