package com.topup.channel.health;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Rolls finished attempts into the calibration counts every {@code roll-interval} on every instance; whichever
 * instance takes the state row first does the work, the others find nothing due or skip the round. A failed round
 * leaves the counts where they were: the report reads what is not rolled yet from the attempts themselves.
 */
@ApplicationScoped
class CalibrationRollupJob {

    private static final Logger LOG = Logger.getLogger(CalibrationRollupJob.class);

    private final CalibrationRollup rollup;
    private boolean failing;

    CalibrationRollupJob(CalibrationRollup rollup) {
        this.rollup = rollup;
    }

    @Scheduled(every = "${topup.channel.health.calibration.roll-interval:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void roll() {
        try {
            while (rollup.rollStep()) {
                // catching up: one step per transaction
            }
            if (failing) {
                LOG.info("Calibration roll-up works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.error("Calibration roll-up failed; the report reads the attempts not rolled up yet directly", e);
                failing = true;
            }
        }
    }
}
