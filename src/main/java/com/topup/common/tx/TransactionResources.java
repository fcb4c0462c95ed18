package com.topup.common.tx;

import jakarta.transaction.TransactionSynchronizationRegistry;
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
}
