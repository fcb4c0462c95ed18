package com.topup.notify;

import com.topup.common.tx.CommitSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Wakes the delivery worker right after a transaction that stored a merchant callback commits. */
@ApplicationScoped
public class NotificationSignal {

    private final CommitSignal signal;

    public NotificationSignal(TransactionSynchronizationRegistry registry) {
        this.signal = new CommitSignal(registry);
    }

    void afterCommit() {
        signal.afterCommit();
    }

    void onCommit(Runnable wake) {
        signal.onCommit(wake);
    }
}
