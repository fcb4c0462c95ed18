package com.topup.rules.worker;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A few worker JVMs that run rule texts which are not (yet) approved: compile, simulate, backtest and the
 * pre-activation trial. Each worker has its own heap limit and a watchdog; a job past its budget ends its worker,
 * which is then replaced, so nothing such a text does reaches the app's heap, threads or CPU beyond its budget.
 * Workers are started on first use and reused; at most {@code size} run jobs at once, the others wait their turn.
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);

    private final List<String> command;
    private final Semaphore slots;
    private final ConcurrentLinkedDeque<WorkerProcess> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final long queueMillis;
    private volatile boolean closed;

    public WorkerPool(List<String> command, int size, long queueMillis) {
        this.command = List.copyOf(command);
        this.slots = new Semaphore(size, true);
        this.queueMillis = queueMillis;
    }

    /**
     * Runs one job. The worker's watchdog enforces the job's budgets; {@code wallMillis} is the app's own limit for
     * a worker that stops answering (the worker is then ended). Never throws for what the job does.
     */
    public WorkerResponse call(WorkerRequest request, long wallMillis) {
        WorkerRequest numbered = new WorkerRequest(ids.incrementAndGet(), request.job(), request.ruleSet(), request.drl(),
                request.budget(), request.input());
        try {
            if (!slots.tryAcquire(queueMillis, TimeUnit.MILLISECONDS)) {
                return WorkerResponse.failed(numbered.id(), "every rule worker is busy; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WorkerResponse.failed(numbered.id(), "interrupted");
        }
        WorkerProcess worker = null;
        boolean reusable = false;
        try {
            worker = borrow();
            String line = worker.exchange(WorkerJson.MAPPER.writeValueAsString(numbered), wallMillis);
            if (line == null) {
                return ended(worker, numbered, wallMillis);
            }
            WorkerResponse response = WorkerJson.MAPPER.readValue(line, WorkerResponse.class);
            reusable = !WorkerResponse.STOPPED.equals(response.outcome()) && worker.alive();
            return response;
        } catch (IOException e) {
            return WorkerResponse.failed(numbered.id(), "rule worker failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WorkerResponse.failed(numbered.id(), "interrupted");
        } finally {
            if (worker != null) {
                if (reusable && !closed) {
                    idle.offerFirst(worker);
                } else {
                    worker.kill();
                }
            }
            slots.release();
        }
    }

    private WorkerResponse ended(WorkerProcess worker, WorkerRequest request, long wallMillis) throws InterruptedException {
        if (!worker.ended() && worker.alive()) {
            worker.kill();
            LOG.warnf("Rule worker %d gave no answer within %d ms to a %s job and was ended", worker.pid(), wallMillis,
                    request.job());
            return WorkerResponse.stopped(request.id(), new WorkerResponse.Stop(null, "time", wallMillis),
                    request.job() + " gave no answer within " + wallMillis + " ms and was stopped");
        }
        int status = worker.exitStatus();
        LOG.warnf("Rule worker %d ended with status %d during a %s job", worker.pid(), status, request.job());
        if (status == 3) {
            // -XX:+ExitOnOutOfMemoryError: the text took the worker's whole heap
            return WorkerResponse.stopped(request.id(), new WorkerResponse.Stop(null, "allocation", -1),
                    request.job() + " used up the worker's memory and was stopped");
        }
        return WorkerResponse.failed(request.id(), "the rule worker ended unexpectedly (status " + status + ")");
    }

    private WorkerProcess borrow() throws IOException {
        WorkerProcess worker;
        while ((worker = idle.pollFirst()) != null) {
            if (worker.alive()) {
                return worker;
            }
        }
        return new WorkerProcess(command);
    }

    /** Starts a worker ahead of the first job (it warms up while nothing waits for it). */
    public void prestart() {
        try {
            idle.offerFirst(new WorkerProcess(command));
        } catch (IOException e) {
            LOG.warnf("Could not start a rule worker: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        WorkerProcess worker;
        while ((worker = idle.pollFirst()) != null) {
            worker.kill();
        }
    }
}
