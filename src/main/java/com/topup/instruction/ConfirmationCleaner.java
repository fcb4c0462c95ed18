package com.topup.instruction;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Deletes expired confirmations and confirmed ones past their retention; on any instance, idempotent. */
@ApplicationScoped
class ConfirmationCleaner {

    private final ConfirmationStore store;
    private final InstructionConfig config;

    ConfirmationCleaner(ConfirmationStore store, InstructionConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${topup.instruction.clean-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void clean() {
        Instant now = Instant.now();
        store.deleteStale(now, now.minus(config.confirmedRetention()));
    }
}
