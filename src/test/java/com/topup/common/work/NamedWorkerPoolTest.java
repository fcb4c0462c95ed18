package com.topup.common.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NamedWorkerPoolTest {

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
    void runsTasksOnItsNamedThreadsAtMostItsSizeAtOnce() throws InterruptedException {
        NamedWorkerPool pool = new NamedWorkerPool(vertx, "test-pool", 2, null);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            pool.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread().getName());
                pause(50);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(5, TimeUnit.SECONDS));
        pool.close();
        assertEquals(2, most.get());
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().allMatch(name -> name.startsWith("test-pool-")), threads.toString());
    }

    @Test
    void tasksNeverRunOnTheContextOfARequestThatCreatedOrFedThePool() throws Exception {
        Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        request.putLocal("request-scope", "order 42");
        CompletableFuture<Context> taskContext = new CompletableFuture<>();
        request.runOnContext(v -> {
            NamedWorkerPool pool = new NamedWorkerPool(vertx, "test-isolated", 1, null);
            pool.execute(() -> taskContext.complete(Vertx.currentContext()));
        });
        Context seen = taskContext.get(5, TimeUnit.SECONDS);
        assertNotNull(seen);
        assertFalse(VertxContext.isDuplicatedContext(seen));
        assertNull(seen.getLocal("request-scope"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
