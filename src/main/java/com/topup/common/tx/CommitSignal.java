package com.topup.common.tx;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes a worker right after a transaction that gave it work commits, instead of at its next poll. One wake-up per
 * transaction however often it signals; the worker decides what wake-ups that pile up while it is busy are worth.
 */
public class CommitSignal {

    private final Object registered = new Object();
    private final TransactionSynchronizationRegistry registry;
    private volatile Runnable listener = () -> { };

    public CommitSignal(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** What to run (on the committing thread, so it must be quick) after each transaction that signalled commits. */
    public void onCommit(Runnable listener) {
        this.listener = listener;
    }

    /** Called inside the transaction that created work. */
    public void afterCommit() {
        TransactionResources.computeIfAbsent(registry, registered, () -> {
            TransactionResources.afterCommit(registry, () -> listener.run());
            return Boolean.TRUE;
        });
    }
}
