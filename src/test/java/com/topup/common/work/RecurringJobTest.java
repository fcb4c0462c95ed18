package com.topup.common.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecurringJobTest {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void repeatsWithSubSecondDelaysOnItsNamedThread() {
        AtomicInteger rounds = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        RecurringJob job = new RecurringJob(vertx, "test-fast", null, () -> {
            rounds.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return Duration.ofMillis(20);
        });
        long started = System.nanoTime();
        job.start(Duration.ZERO);
        awaitTrue(() -> rounds.get() >= 10, Duration.ofSeconds(5));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        job.stop();
        assertTrue(elapsedMillis < 1_000, "10 rounds 20 ms apart took " + elapsedMillis + " ms");
        assertTrue(threads.stream().allMatch(name -> name.startsWith("test-fast-")), threads.toString());
    }

    @Test
    void wakeRunsARoundAtOnceInsteadOfAfterTheDelay() {
        AtomicInteger rounds = new AtomicInteger();
        RecurringJob job = new RecurringJob(vertx, "test-wake", null, () -> {
            rounds.incrementAndGet();
            return Duration.ofHours(1);
        });
        job.start(Duration.ZERO);
        awaitTrue(() -> rounds.get() == 1, Duration.ofSeconds(5));
        job.wake();
        awaitTrue(() -> rounds.get() == 2, Duration.ofSeconds(5));
        job.stop();
    }

    @Test
    void roundsNeverOverlapAndAWakeDuringARoundGivesOneMoreRound() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch firstRoundStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecurringJob job = new RecurringJob(vertx, "test-overlap", null, () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            firstRoundStarted.countDown();
            await(release);
            rounds.incrementAndGet();
            running.decrementAndGet();
            return Duration.ofHours(1);
        });
        job.start(Duration.ZERO);
        assertTrue(firstRoundStarted.await(5, TimeUnit.SECONDS));
        Thread[] wakers = new Thread[4];
        for (int i = 0; i < wakers.length; i++) {
            wakers[i] = new Thread(() -> {
                for (int n = 0; n < 1_000; n++) {
                    job.wake();
                }
            });
            wakers[i].start();
        }
        for (Thread waker : wakers) {
            waker.join();
        }
        release.countDown();
        awaitTrue(() -> rounds.get() == 2, Duration.ofSeconds(5));
        job.stop();
        assertEquals(2, rounds.get(), "the wake-ups during the first round count once");
        assertEquals(0, overlaps.get());
    }

    @Test
    void stopWaitsForTheRoundUnderWayAndEndsTheRounds() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch roundStarted = new CountDownLatch(1);
        RecurringJob job = new RecurringJob(vertx, "test-stop", null, () -> {
            rounds.incrementAndGet();
            roundStarted.countDown();
            sleep(Duration.ofMillis(300));
            finished.incrementAndGet();
            return Duration.ZERO;
        });
        job.start(Duration.ZERO);
        assertTrue(roundStarted.await(5, TimeUnit.SECONDS));
        job.stop();
        assertEquals(rounds.get(), finished.get(), "stop returned while a round was still running");
        int afterStop = rounds.get();
        job.wake();
        sleep(Duration.ofMillis(200));
        assertEquals(afterStop, rounds.get(), "a round ran after stop");
    }

    @Test
    void aFailingRoundIsLoggedAndTriedAgain() {
        AtomicInteger rounds = new AtomicInteger();
        RecurringJob job = new RecurringJob(vertx, "test-failing", null, () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("first round fails");
            }
            return Duration.ofHours(1);
        });
        job.start(Duration.ZERO);
        awaitTrue(() -> rounds.get() == 2, Duration.ofSeconds(5));
        job.stop();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + max);
            }
            sleep(Duration.ofMillis(5));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
