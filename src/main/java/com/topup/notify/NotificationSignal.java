package com.topup.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the delivery worker right after a transaction that stored a callback commits, instead of at its next poll. */
@ApplicationScoped
public class NotificationSignal {

    private static final Object REGISTERED = new Object();

    private final TransactionSynchronizationRegistry registry;
    private final Semaphore pending = new Semaphore(0);

    public NotificationSignal(TransactionSynchronizationRegistry registry) {
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

    /** Waits until a commit signals a new callback or the timeout passes. */
    boolean await(long timeoutMillis) throws InterruptedException {
        boolean signalled = pending.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return signalled;
    }
}
