package com.topup.carrier;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Holds the number-range table and the portability overrides in memory. Loaded at startup, reloaded on a timer
 * so that every instance sees the others' changes, and patched right after this instance commits a change.
 */
@ApplicationScoped
public class LookupTablesCache {

    /** After {@link NumberRangeSeeder} has filled an empty table. */
    static final int LOAD_PRIORITY = Interceptor.Priority.APPLICATION + 100;

    private static final Logger LOG = Logger.getLogger(LookupTablesCache.class);

    private final AtomicReference<LookupTables> current = new AtomicReference<>(LookupTables.EMPTY);
    private final AtomicLong localChanges = new AtomicLong();
    private final NumberRangeStore ranges;
    private final PortabilityStore portability;

    LookupTablesCache(NumberRangeStore ranges, PortabilityStore portability) {
        this.ranges = ranges;
        this.portability = portability;
    }

    public LookupTables current() {
        return current.get();
    }

    @Transactional
    void loadAtStartup(@Observes @Priority(LOAD_PRIORITY) StartupEvent event) {
        reload();
    }

    /** Replaces the snapshot with the database's content. */
    @Transactional
    @Scheduled(every = "${topup.carrier.refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        long changesBefore = localChanges.get();
        LookupTables loaded = LookupTables.of(ranges.loadAll(), portability.loadAll());
        // A change committed here while we were reading may be missing from what we read: keep the patched
        // snapshot then, the next run picks everything up.
        synchronized (this) {
            if (localChanges.get() == changesBefore) {
                current.set(loaded);
            }
        }
        LOG.debugf("Carrier tables: %d number ranges, %d portability overrides",
                loaded.rangesByPrefix().size(), loaded.carrierByPhoneHash().size());
    }

    void onRangesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) NumberRangesChanged change) {
        patch(tables -> tables.withRanges(change.ranges()));
    }

    void onPortabilityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PortabilityChanged change) {
        patch(tables -> tables.withPortability(change.phoneHash(), change.carrier()));
    }

    private synchronized void patch(UnaryOperator<LookupTables> change) {
        localChanges.incrementAndGet();
        current.updateAndGet(change);
    }
}
