package com.topup.common.work;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Work repeated on a worker thread of its own name, each round a delay (chosen by the round) after the previous one
 * ended, timed by Vert.x timers: the Quarkus scheduler checks its triggers once a second, too coarse for the
 * sub-second pollers. Rounds never overlap. {@link #wake()} starts a round at once, or right after the one under way;
 * wake-ups that pile up count once. {@link #stop()} cancels the timer and waits for the round under way.
 *
 * <p>The job's state is only touched on its pool's event-loop context, so it needs no locks.
 */
public final class RecurringJob {

    private static final Logger LOG = Logger.getLogger(RecurringJob.class);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final NamedWorkerPool pool;
    private final Round round;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean stopping;
    private boolean running;
    private boolean wokenWhileRunning;
    private long timer = -1;

    /** @param maxRoundTime how long a round may run before Vert.x logs it as blocked; null for the Quarkus default */
    public RecurringJob(Vertx vertx, String name, Duration maxRoundTime, Round round) {
        this.vertx = vertx;
        this.pool = new NamedWorkerPool(vertx, name, 1, maxRoundTime);
        this.round = round;
    }

    /** Runs the first round after {@code firstDelay} (zero: at once). */
    public void start(Duration firstDelay) {
        pool.context().runOnContext(v -> next(firstDelay));
    }

    /** Runs a round now, or right after the one under way. Cheap enough to call after every commit. */
    public void wake() {
        if (!stopping && wakeQueued.compareAndSet(false, true)) {
            pool.context().runOnContext(v -> woken());
        }
    }

    /** No more rounds; waits a few seconds at most for the one under way, then closes the thread. */
    public void stop() {
        stopping = true;
        pool.context().runOnContext(v -> {
            cancelTimer();
            if (!running) {
                stopped.complete(null);
            }
        });
        try {
            stopped.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("%s still busy after %s; stopping without it", pool.name(), STOP_WAIT);
        } catch (ExecutionException e) {
            LOG.debugf("%s ended badly: %s", pool.name(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
    }

    private void woken() {
        wakeQueued.set(false);
        if (stopping) {
            return;
        }
        if (running) {
            wokenWhileRunning = true;
            return;
        }
        cancelTimer();
        launch();
    }

    private void launch() {
        running = true;
        pool.call(this::runRound).onComplete(result -> {
            running = false;
            if (stopping) {
                stopped.complete(null);
                return;
            }
            boolean woken = wokenWhileRunning;
            wokenWhileRunning = false;
            next(woken ? Duration.ZERO : result.result());
        });
    }

    private Duration runRound() {
        try {
            return round.run();
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "A round of %s failed", pool.name());
            return AFTER_FAILURE;
        }
    }

    private void next(Duration delay) {
        if (stopping) {
            return;
        }
        long millis = delay == null ? AFTER_FAILURE.toMillis() : delay.toMillis();
        if (millis <= 0) {
            launch();
        } else {
            timer = vertx.setTimer(millis, id -> {
                if (timer == id) {
                    timer = -1;
                    launch();
                }
            });
        }
    }

    private void cancelTimer() {
        if (timer != -1) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
