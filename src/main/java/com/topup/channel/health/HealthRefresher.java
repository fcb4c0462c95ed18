package com.topup.channel.health;

import com.topup.common.work.RecurringJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Refreshes the health figures and evaluates the breakers on the {@code channel-health} worker, every refresh
 * interval (sub-second: a Vert.x timer, not the scheduler), so no order ever waits for the query. A failed round
 * keeps the previous snapshot (its {@code takenAt} ages).
 */
@ApplicationScoped
class HealthRefresher {

    private static final Logger LOG = Logger.getLogger(HealthRefresher.class);

    private final ChannelHealthService health;
    private final ChannelHealthConfig config;
    private final Counter failures;
    private final Vertx vertx;
    private RecurringJob refresher;
    private boolean failing;

    HealthRefresher(ChannelHealthService health, ChannelHealthConfig config, MeterRegistry metrics, Vertx vertx) {
        this.health = health;
        this.config = config;
        this.failures = metrics.counter("topup_channel_health_refresh_failures_total");
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        refresher = new RecurringJob(vertx, "channel-health", null, this::refresh);
        refresher.start(Duration.ZERO);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.stop();
        }
    }

    private Duration refresh() {
        try {
            health.refreshRound();
            if (failing) {
                LOG.info("Channel health refresh works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            failures.increment();
            if (!failing) {
                LOG.error("Channel health refresh failed; keeping the previous figures", e);
                failing = true;
            }
        }
        return config.refreshInterval();
    }
}
