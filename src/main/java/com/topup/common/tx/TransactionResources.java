package com.topup.common.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** State kept for the current transaction only: made the first time it is asked for, gone with the transaction. */
public final class TransactionResources {

    private TransactionResources() {
    }

    /**
     * The current transaction's resource under {@code key}; {@code create} makes it (and may register a
     * synchronization with the transaction) the first time.
     */
    @SuppressWarnings("unchecked")
    public static <T> T computeIfAbsent(TransactionSynchronizationRegistry registry, Object key, Supplier<T> create) {
        T resource = (T) registry.getResource(key);
        if (resource == null) {
            resource = create.get();
            registry.putResource(key, resource);
        }
        return resource;
    }

    /**
     * As {@link #computeIfAbsent}, for work kept with the transaction and written in it at the end: {@code write} runs
     * with the resource just before the transaction commits, and not at all when it rolls back.
     */
    public static <T> T writtenBeforeCommit(TransactionSynchronizationRegistry registry, Object key, Supplier<T> create,
                                            Consumer<T> write) {
        return computeIfAbsent(registry, key, () -> {
            T resource = create.get();
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write.accept(resource);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing: what was written commits or rolls back with the transaction
                }
            });
            return resource;
        });
    }

    /** Runs {@code task} (on the committing thread, so it must be quick) once the current transaction has committed. */
    public static void afterCommit(TransactionSynchronizationRegistry registry, Runnable task) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the task waits for the outcome
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    task.run();
                }
            }
        });
    }
}
