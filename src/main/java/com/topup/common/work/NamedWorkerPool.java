package com.topup.common.work;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Worker threads of the application's Vert.x instance under a name of their own ({@code name-0}, {@code name-1}, …
 * in thread dumps and profiles), covered by Vert.x's blocked-thread checker and closed with it. Tasks start from an
 * event-loop (root) context, never from the submitter's: a request's duplicated context would carry its request
 * scope into the task.
 */
public final class NamedWorkerPool implements Executor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NamedWorkerPool.class);

    private final String name;
    private final Context context;
    private final WorkerExecutor workers;

    /** @param maxRunTime how long one task may run before Vert.x logs it as blocked; null for the Quarkus default */
    public NamedWorkerPool(Vertx vertx, String name, int threads, Duration maxRunTime) {
        this.name = name;
        this.context = VertxContext.getRootContext(vertx.getOrCreateContext());
        this.workers = maxRunTime == null
                ? vertx.createSharedWorkerExecutor(name, threads)
                : vertx.createSharedWorkerExecutor(name, threads, maxRunTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the task on one of the pool's threads; a failure is logged. */
    @Override
    public void execute(Runnable task) {
        context.runOnContext(v -> call(() -> {
            task.run();
            return null;
        }).onFailure(e -> LOG.errorf(e, "Task on %s failed", name)));
    }

    /** Runs the call on one of the pool's threads; to be called on {@link #context()}, where the result arrives. */
    <T> Future<T> call(Callable<T> call) {
        return workers.executeBlocking(call, false);
    }

    /** The event-loop context the pool's tasks start from. */
    Context context() {
        return context;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        workers.close();
    }
}
