package com.topup.notify;

import com.topup.common.tx.GroupCommit;
import com.topup.common.work.NamedWorkerPool;
import com.topup.common.work.RecurringJob;
import com.topup.notify.NotificationStore.Attempted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers due callbacks: the {@code notify-claim} worker claims them (woken by local commits, polling for retries
 * and for callbacks stored by other instances), requests run without blocking, and their outcomes are recorded on
 * the {@code notify-record} worker, so the event loop never waits for the database: the outcomes that arrive while it
 * is busy go together, in one transaction ({@link GroupCommit}). Several instances share the work through the claims.
 */
@ApplicationScoped
public class NotificationWorker {

    private static final Logger LOG = Logger.getLogger(NotificationWorker.class);
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final NotificationStore store;
    private final CallbackSender sender;
    private final NotificationSignal signal;
    private final NotifyConfig config;
    private final RetrySchedule schedule;
    private final MeterRegistry metrics;
    private final Semaphore inFlight;
    private final Vertx vertx;
    private final GroupCommit<Attempted, DeliveryResult> recording;
    private RecurringJob claimer;
    private NamedWorkerPool recorder;

    public NotificationWorker(NotificationStore store, CallbackSender sender, NotificationSignal signal,
                              NotifyConfig config, MeterRegistry metrics, Vertx vertx) {
        this.store = store;
        this.sender = sender;
        this.signal = signal;
        this.config = config;
        this.schedule = RetrySchedule.of(config);
        this.metrics = metrics;
        this.inFlight = new Semaphore(config.maxInFlight());
        this.vertx = vertx;
        this.recording = new GroupCommit<>(1, config.maxInFlight(),
                attempt -> store.record(attempt.claimed(), attempt.outcome(), schedule),
                attempts -> store.recordAll(attempts, schedule).stream().map(Optional::of).toList(),
                failure -> LOG.warnf("Recording callback outcomes together failed; recording them one by one: %s",
                        failure.getMessage()));
        if (config.claimLease().compareTo(config.timeout()) <= 0) {
            throw new IllegalStateException("topup.notify.claim-lease must be longer than topup.notify.timeout");
        }
        metrics.gauge("topup_notify_undelivered", this, NotificationWorker::undeliveredOrMinusOne);
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        recorder = new NamedWorkerPool(vertx, "notify-record", 1, null);
        claimer = new RecurringJob(vertx, "notify-claim", null, this::claimAndSend);
        signal.onCommit(claimer::wake);
        claimer.start(config.pollInterval());
    }

    /** Stops claiming, then gives the callbacks in flight a moment to be recorded (the others' claims lapse). */
    void stop(@Observes ShutdownEvent event) {
        if (claimer == null) {
            return;
        }
        claimer.stop();
        try {
            inFlight.tryAcquire(config.maxInFlight(), STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.close();
    }

    /**
     * Claims as many due callbacks as there is room in flight for and sends them; claims again at once while the
     * claims come back full, waits for the poll interval otherwise.
     */
    private Duration claimAndSend() {
        try {
            if (!inFlight.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                return Duration.ZERO;
            }
            int limit = 1 + inFlight.drainPermits();
            List<ClaimedNotification> claimed;
            try {
                claimed = store.claimDue(limit, Instant.now(), config.claimLease());
            } catch (RuntimeException e) {
                inFlight.release(limit);
                throw e;
            }
            inFlight.release(limit - claimed.size());
            claimed.forEach(this::send);
            return claimed.size() == limit ? Duration.ZERO : config.pollInterval();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return config.pollInterval();
        } catch (RuntimeException e) {
            LOG.error("Claiming due merchant callbacks failed", e);
            return ERROR_BACKOFF;
        }
    }

    private void send(ClaimedNotification notification) {
        sender.send(notification).subscribe().with(
                outcome -> {
                    Attempted attempt = new Attempted(notification, outcome.withErrorAtMost(config.maxErrorLength()));
                    recording.submit(attempt, recorder).whenComplete((result, failure) -> recorded(attempt, result, failure));
                },
                failure -> {
                    inFlight.release();
                    LOG.warnf("Callback %s not recorded (its claim lapses and it is tried again): %s",
                            notification.eventId(), failure.getMessage());
                });
    }

    private void recorded(Attempted attempt, DeliveryResult result, Throwable failure) {
        ClaimedNotification notification = attempt.claimed();
        AttemptOutcome outcome = attempt.outcome();
        try {
            Timer.builder("topup_notify_attempt_latency")
                    .description("Time from sending a merchant callback to its answer or failure")
                    .tag("answered", Boolean.toString(outcome.httpStatus() != null))
                    .register(metrics)
                    .record(Duration.ofMillis(outcome.latencyMs()));
            if (failure != null) {
                LOG.errorf(failure, "Recording attempt %d of callback %s failed; its claim lapses and it is tried again",
                        notification.attemptNo(), notification.eventId());
                return;
            }
            metrics.counter("topup_notify_deliveries_total", "outcome", result.metricTag()).increment();
            if (result == DeliveryResult.UNDELIVERED) {
                LOG.warnf("Callback %s to %s undelivered after %d attempts: %s", notification.eventId(),
                        notification.url(), notification.attemptNo(), outcome.error());
            }
        } finally {
            inFlight.release();
        }
    }

    private double undeliveredOrMinusOne() {
        try {
            return store.count(NotificationStatus.UNDELIVERED);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
