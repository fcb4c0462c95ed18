package com.topup.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Drains the outbox to Kafka on its own thread: woken by local commits, polling for everything else,
 * backing off while the broker is unreachable. Safe with several instances (rows are claimed with SKIP LOCKED).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxBatch batch;
    private final OutboxSignal signal;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxBatch batch, OutboxSignal signal, OutboxConfig config, MeterRegistry metrics) {
        this.batch = batch;
        this.signal = signal;
        this.config = config;
        this.published = metrics.counter("topup_outbox_published_total");
        this.failures = metrics.counter("topup_outbox_publish_failures_total");
        metrics.gauge("topup_outbox_pending", this, r -> r.pendingOrMinusOne());
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try {
                signal.await(failing ? config.retryBackoff().toMillis() : config.pollInterval().toMillis());
                failing = !drain();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Outbox relay round failed", e);
                failing = true;
            }
        }
    }

    /** @return false when publishing failed and should be retried after a pause. */
    private boolean drain() {
        int sent;
        do {
            try {
                sent = batch.publishNext(config.batchSize(), config.publishTimeout());
            } catch (EventPublisher.PublishFailedException e) {
                failures.increment();
                LOG.warnf("Outbox publish failed, retrying in %s: %s", config.retryBackoff(), e.getMessage());
                return false;
            }
            published.increment(sent);
        } while (sent == config.batchSize() && running);
        return true;
    }

    private double pendingOrMinusOne() {
        try {
            return batch.pending();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
