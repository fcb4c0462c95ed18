package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import com.topup.common.tx.TransactionResources;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many attempts are open on a channel, for its capacity. A planning transaction first takes the channel's
 * transaction-scoped advisory lock, then counts, then counts up the attempts it starts itself; the lock is held to its
 * commit, so no other instance or transaction starts an attempt on the channel in between, and the capacity is exact.
 * A planning transaction takes the locks of all the channels its orders were routed to at once, after routing them,
 * so it holds them only while it places the orders and writes and commits what it started.
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

    /**
     * As {@link #on} for several channels at once, before any of them is asked for: a transaction that holds no channel
     * lock yet takes all of theirs in one statement, in key order, and counts them in one more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countAll(Collection<String> channelCodes) {
        Locks locks = TransactionResources.computeIfAbsent(transactions, HELD, Locks::new);
        List<String> uncounted = channelCodes.stream().distinct().filter(code -> !locks.open.containsKey(code)).toList();
        if (uncounted.isEmpty()) {
            return;
        }
        if (locks.highest != null) {
            uncounted.forEach(this::on);
            return;
        }
        Long[] keys = uncounted.stream().map(code -> (long) code.hashCode()).distinct().sorted().toArray(Long[]::new);
        sql.queryLong("select count(pg_advisory_xact_lock(?, k::int)) from unnest(?::bigint[]) as k", CHANNEL_LOCKS, keys);
        locks.highest = keys[keys.length - 1].intValue();
        Map<String, Integer> counted = new HashMap<>();
        sql.query("""
                select channel_code, count(*) as open from channel_attempt
                where channel_code = any(?) and status in ('SUBMITTING', 'PROCESSING') group by channel_code""",
                row -> counted.put(row.getString("channel_code"), row.getInt("open")),
                (Object) uncounted.toArray(String[]::new));
        uncounted.forEach(code -> locks.open.put(code, counted.getOrDefault(code, 0)));
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
