package com.topup.rules;

import com.topup.rules.worker.WorkerLoop;

/** Entry point of a rule worker process (started by {@link RuleWorkers}); it needs nothing of the app but its classes. */
public final class RuleWorkerMain {

    private RuleWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        new WorkerLoop(new RuleTrials()).run();
    }
}
