package com.topup.outbox;

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
 * Drains the outbox to Kafka on the {@code outbox-relay} worker: woken by local commits, polling for everything
 * else, backing off while the broker is unreachable. Safe with several instances (rows are claimed with SKIP LOCKED).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxBatch batch;
    private final OutboxSignal signal;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failures;
    private final Vertx vertx;
    private RecurringJob relay;

    public OutboxRelay(OutboxBatch batch, OutboxSignal signal, OutboxConfig config, MeterRegistry metrics, Vertx vertx) {
        this.batch = batch;
        this.signal = signal;
        this.config = config;
        this.published = metrics.counter("topup_outbox_published_total");
        this.failures = metrics.counter("topup_outbox_publish_failures_total");
        this.vertx = vertx;
        metrics.gauge("topup_outbox_pending", this, r -> r.pendingOrMinusOne());
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        relay = new RecurringJob(vertx, "outbox-relay", null, this::publishNext);
        signal.onCommit(relay::wake);
        relay.start(config.pollInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.stop();
        }
    }

    /** One batch; the next follows at once while batches come back full, after a pause when publishing failed. */
    private Duration publishNext() {
        try {
            int sent = batch.publishNext(config.batchSize(), config.publishTimeout());
            published.increment(sent);
            return sent == config.batchSize() ? Duration.ZERO : config.pollInterval();
        } catch (EventPublisher.PublishFailedException e) {
            failures.increment();
            LOG.warnf("Outbox publish failed, retrying in %s: %s", config.retryBackoff(), e.getMessage());
            return config.retryBackoff();
        } catch (RuntimeException e) {
            LOG.error("Outbox relay round failed", e);
            return config.retryBackoff();
        }
    }

    private double pendingOrMinusOne() {
        try {
            return batch.pending();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
