package com.topup.channel.health;

import com.topup.common.db.Sql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes the outcome tallies of slots no window reads any more (older than twice the window, at least 10 minutes),
 * once a minute on every instance; a second instance deleting the same slots finds them gone.
 */
@ApplicationScoped
class OutcomeTallyCleaner {

    private static final Logger LOG = Logger.getLogger(OutcomeTallyCleaner.class);
    private static final Duration MIN_KEPT = Duration.ofMinutes(10);

    private final Sql sql;
    private final HealthClock clock;
    private final ChannelHealthConfig config;

    OutcomeTallyCleaner(Sql sql, HealthClock clock, ChannelHealthConfig config) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void clean() {
        Duration kept = config.window().multipliedBy(2);
        Instant before = clock.now().minus(kept.compareTo(MIN_KEPT) < 0 ? MIN_KEPT : kept);
        int deleted = sql.update("delete from channel_outcome_tally where slot < ?", before);
        LOG.debugf("Deleted %d outcome tallies of slots before %s", deleted, before);
    }
}
