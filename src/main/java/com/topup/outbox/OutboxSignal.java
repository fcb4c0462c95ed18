package com.topup.outbox;

import com.topup.common.tx.CommitSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Wakes the relay right after a transaction that wrote outbox rows commits. */
@ApplicationScoped
public class OutboxSignal {

    private final CommitSignal signal;

    public OutboxSignal(TransactionSynchronizationRegistry registry) {
        this.signal = new CommitSignal(registry);
    }

    void afterCommit() {
        signal.afterCommit();
    }

    void onCommit(Runnable wake) {
        signal.onCommit(wake);
    }
}
