package com.topup.common.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a worker thread right after a transaction that gave it work commits, instead of at its next poll. One
 * wake-up per transaction however often it signals; wake-ups that pile up while the worker is busy count once.
 */
public class CommitSignal {

    private final Object registered = new Object();
    private final TransactionSynchronizationRegistry registry;
    private final Semaphore pending = new Semaphore(0);

    public CommitSignal(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** Called inside the transaction that created work. */
    public void afterCommit() {
        if (registry.getResource(registered) != null) {
            return;
        }
        registry.putResource(registered, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED && pending.availablePermits() == 0) {
                    pending.release();
                }
            }
        });
    }

    /** Waits until a commit signals new work or the timeout passes. */
    public boolean await(long timeoutMillis) throws InterruptedException {
        boolean signalled = pending.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return signalled;
    }
}
