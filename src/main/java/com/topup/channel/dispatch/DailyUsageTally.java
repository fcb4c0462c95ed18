package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import com.topup.common.tx.TransactionResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily usage of channels without a quota, written when the transaction commits: what a transaction gives to or
 * takes back from each row is summed and written just before its commit, rows in one order. So a tally row is locked
 * only for the commit itself, a transaction dispatching several orders never holds one row while waiting for another
 * (two such transactions cannot deadlock on them), and a reservation taken back in the same transaction writes
 * nothing. A tally never goes below zero.
 */
@ApplicationScoped
public class DailyUsageTally {

    private static final String APPLY = """
            insert into channel_daily_usage as u (channel_code, day, stripe, amount) values (?, ?, ?, greatest(?, 0))
            on conflict (channel_code, day, stripe) do update set amount = greatest(u.amount + ?, 0)""";
    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::channelCode)
            .thenComparing(Row::day).thenComparingInt(Row::stripe);

    private final TransactionSynchronizationRegistry transactions;
    private final Sql sql;

    public DailyUsageTally(TransactionSynchronizationRegistry transactions, Sql sql) {
        this.transactions = transactions;
        this.sql = sql;
    }

    /** Adds {@code delta} fen (negative: takes back) to the row when the current transaction commits. */
    void add(String channelCode, LocalDate day, int stripe, long delta) {
        pending().merge(new Row(channelCode, day, stripe), delta, Long::sum);
    }

    private Map<Row, Long> pending() {
        return TransactionResources.writtenBeforeCommit(transactions, DailyUsageTally.class,
                () -> new TreeMap<>(ROW_ORDER), this::write);
    }

    private void write(Map<Row, Long> pending) {
        List<Object[]> rows = new ArrayList<>();
        pending.forEach((row, delta) -> {
            if (delta != 0) {
                rows.add(new Object[] {row.channelCode(), row.day(), row.stripe(), delta, delta});
            }
        });
        if (!rows.isEmpty()) {
            sql.batch(APPLY, rows);
        }
    }

    private record Row(String channelCode, LocalDate day, int stripe) {
    }
}
