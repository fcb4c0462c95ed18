package com.topup.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Waits until orders are final. One indexed query per sweep reads the order table directly, so watching puts no HTTP
 * load on the app being measured; the figures used are the orders' own createdAt and finishedAt, so the sweep
 * interval does not change them.
 */
final class FinalStateWatch {

    static final Duration SWEEP = Duration.ofMillis(150);

    private final Connection db;

    FinalStateWatch(Connection db) {
        this.db = db;
    }

    /**
     * Sweeps until every order is final or the time is up; returns the final ones. {@code progress} hears how many
     * are still open after each sweep that changed it.
     */
    Map<String, FinalOrder> await(Collection<String> orderIds, Duration timeout, IntConsumer progress)
            throws SQLException, InterruptedException {
        Map<String, FinalOrder> done = new HashMap<>();
        Set<String> open = new HashSet<>(orderIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement query = db.prepareStatement("""
                select id, status, created_at, finished_at from topup_order
                where id = any(?) and status in ('SUCCEEDED', 'FAILED', 'REVIEW')""")) {
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                Array ids = db.createArrayOf("text", open.toArray());
                query.setArray(1, ids);
                int before = open.size();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        FinalOrder order = new FinalOrder(rs.getString(1), rs.getString(2),
                                rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)));
                        done.put(order.orderId(), order);
                        open.remove(order.orderId());
                    }
                }
                ids.free();
                if (open.size() != before) {
                    progress.accept(open.size());
                }
                if (!open.isEmpty()) {
                    Thread.sleep(SWEEP.toMillis());
                }
            }
        }
        return done;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
