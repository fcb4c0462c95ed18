package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import com.topup.common.tx.TransactionResources;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/**
 * How many attempts are open on a channel, for its capacity. A planning transaction first takes the channel's
 * transaction-scoped advisory lock, then counts, then counts up the attempts it starts itself; the lock is held to its
 * commit, so no other instance or transaction starts an attempt on the channel in between, and the capacity is exact.
 *
 * <p>A transaction waits only for a lock whose key is above every channel lock it already holds, so two planning
 * transactions never wait for each other in a cycle. A channel whose key is below that, and whose lock another
 * transaction holds, counts as full for the rest of this transaction: its orders take their next ranked channel or
 * try again shortly ({@code topup_dispatch_channel_lock_passed_total} counts these).
 */
@ApplicationScoped
public class OpenAttempts {

    /** Every channel lock's first key: the two-key space of advisory locks is the channels' alone. */
    private static final int CHANNEL_LOCKS = 0x63686e6c;
    private static final String HELD = OpenAttempts.class.getName();

    private final Sql sql;
    private final TransactionSynchronizationRegistry transactions;
    private final MeterRegistry metrics;

    public OpenAttempts(Sql sql, TransactionSynchronizationRegistry transactions, MeterRegistry metrics) {
        this.sql = sql;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** Open attempts on the channel; {@link Integer#MAX_VALUE} when another transaction is planning on it (above). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int on(String channelCode) {
        Locks locks = TransactionResources.computeIfAbsent(transactions, HELD, Locks::new);
        Integer open = locks.open.get(channelCode);
        if (open != null) {
            return open;
        }
        int key = channelCode.hashCode();
        if (locks.highest != null && key < locks.highest && !tryLock(key)) {
            metrics.counter("topup_dispatch_channel_lock_passed_total", "channel", channelCode).increment();
            locks.open.put(channelCode, Integer.MAX_VALUE);
            return Integer.MAX_VALUE;
        }
        if (locks.highest == null || key > locks.highest) {
            sql.queryLong("select 1 from (select pg_advisory_xact_lock(?, ?)) as locked", CHANNEL_LOCKS, key);
            locks.highest = key;
        }
        int counted = sql.queryLong("""
                select count(*) from channel_attempt where channel_code = ? and status in ('SUBMITTING', 'PROCESSING')""",
                channelCode).intValue();
        locks.open.put(channelCode, counted);
        return counted;
    }

    /** An attempt this transaction started on the channel. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void started(String channelCode) {
        Locks locks = TransactionResources.computeIfAbsent(transactions, HELD, Locks::new);
        locks.open.computeIfPresent(channelCode, (code, open) -> open + 1);
    }

    private boolean tryLock(int key) {
        return sql.queryLong("select case when pg_try_advisory_xact_lock(?, ?) then 1 else 0 end", CHANNEL_LOCKS, key)
                == 1L;
    }

    /** The channels this transaction has counted, and the highest lock key it holds. */
    private static final class Locks {
        final Map<String, Integer> open = new HashMap<>();
        Integer highest;
    }
}
