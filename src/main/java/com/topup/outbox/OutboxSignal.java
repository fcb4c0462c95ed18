package com.topup.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay right after a transaction that wrote outbox rows commits, instead of waiting for its next poll. */
@ApplicationScoped
public class OutboxSignal {

    private static final Object REGISTERED = new Object();

    private final TransactionSynchronizationRegistry registry;
    private final Semaphore pending = new Semaphore(0);

    public OutboxSignal(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    void afterCommit() {
        if (registry.getResource(REGISTERED) != null) {
            return;
        }
        registry.putResource(REGISTERED, Boolean.TRUE);
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

    /** Waits until a commit signals new rows or the timeout passes. */
    boolean await(long timeoutMillis) throws InterruptedException {
        boolean signalled = pending.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return signalled;
    }
}
