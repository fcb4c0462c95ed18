package com.topup.rules.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The worker process's side: reads one request per line from stdin, runs it on a job thread watched by a
 * watchdog, and writes one response per line to the original stdout (everything else the process prints goes to
 * stderr). When the job thread passes its job budget the watchdog answers STOPPED and ends the process at once:
 * a thread cannot be stopped safely, a process can, and the app starts another.
 */
public final class WorkerLoop {

    /** Runs one job in the worker; exceptions become FAILED. */
    public interface Jobs {
        WorkerResponse run(WorkerRequest request);
    }

    /** Exit status of a worker ended by its watchdog. */
    public static final int STOPPED_EXIT = 86;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long WATCH_INTERVAL_MILLIS = 2;

    private final Jobs jobs;
    private final PrintStream out;

    public WorkerLoop(Jobs jobs) {
        this.jobs = jobs;
        this.out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
    }

    public void run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            WorkerRequest request = WorkerJson.MAPPER.readValue(line, WorkerRequest.class);
            respond(runWatched(request));
        }
    }

    private WorkerResponse runWatched(WorkerRequest request) throws InterruptedException {
        WorkerResponse[] answer = new WorkerResponse[1];
        AtomicBoolean done = new AtomicBoolean();
        Thread job = new Thread(() -> {
            try {
                answer[0] = jobs.run(request);
            } catch (Throwable e) {
                answer[0] = WorkerResponse.failed(request.id(), String.valueOf(e));
            } finally {
                done.set(true);
            }
        }, "rule-job-" + request.id());
        job.setDaemon(true);
        long id;
        long cpu0;
        long alloc0;
        synchronized (this) {
            job.start();
            id = job.getId();
            cpu0 = Math.max(0, THREADS.getThreadCpuTime(id));
            alloc0 = Math.max(0, THREADS.getThreadAllocatedBytes(id));
        }
        WorkerBudget budget = request.budget();
        while (!done.get()) {
            job.join(WATCH_INTERVAL_MILLIS);
            long cpu = THREADS.getThreadCpuTime(id) - cpu0;
            long allocated = THREADS.getThreadAllocatedBytes(id) - alloc0;
            if (done.get()) {
                break;
            }
            if (cpu > budget.jobCpuMillis() * 1_000_000L) {
                stop(request, "cpu", budget.jobCpuMillis());
            }
            if (allocated > budget.jobAllocationBytes()) {
                stop(request, "allocation", budget.jobAllocationBytes());
            }
        }
        return answer[0];
    }

    private void stop(WorkerRequest request, String what, long limit) {
        respond(WorkerResponse.stopped(request.id(), new WorkerResponse.Stop(null, what, limit),
                request.job() + " stopped: it used up its " + what + " budget of " + limit
                        + (what.equals("cpu") ? " ms of CPU" : " bytes allocated")));
        Runtime.getRuntime().halt(STOPPED_EXIT);
    }

    private synchronized void respond(WorkerResponse response) {
        try {
            out.println(WorkerJson.MAPPER.writeValueAsString(response));
            out.flush();
        } catch (Exception e) {
            Runtime.getRuntime().halt(1);
        }
    }
}
