package com.topup.channel.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Refreshes the health figures and evaluates the breakers on its own thread, every refresh interval, so no
 * order ever waits for the query. A failed round keeps the previous snapshot (its {@code takenAt} ages).
 */
@ApplicationScoped
class HealthRefresher {

    private static final Logger LOG = Logger.getLogger(HealthRefresher.class);

    private final ChannelHealthService health;
    private final ChannelHealthConfig config;
    private final Counter failures;
    private ScheduledExecutorService executor;
    private boolean failing;

    HealthRefresher(ChannelHealthService health, ChannelHealthConfig config, MeterRegistry metrics) {
        this.health = health;
        this.config = config;
        this.failures = metrics.counter("topup_channel_health_refresh_failures_total");
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "channel-health");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void refresh() {
        try {
            health.refreshNow();
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
    }
}
