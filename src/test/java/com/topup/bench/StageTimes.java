package com.topup.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Where orders' time to final went, step by step, read from the rows they left: accepted (the order's createdAt) →
 * its attempt planned (startedAt) → the supplier's callback received (channel_callback) → final (finishedAt). Only
 * orders that succeeded at their first attempt count, so every row has all four times.
 */
final class StageTimes {

    private static final String STEPS = """
            select extract(epoch from a.started_at - o.created_at) * 1000 as planned,
                   extract(epoch from c.received_at - a.started_at) * 1000 as supplier,
                   extract(epoch from o.finished_at - c.received_at) * 1000 as applied
            from topup_order o
            join channel_attempt a on a.order_id = o.id and a.attempt_no = 1 and a.status = 'SUCCEEDED'
            join lateral (
                select min(received_at) as received_at from channel_callback
                where reference = a.id and outcome = 'APPLIED'
            ) c on c.received_at is not null
            where o.id = any(?) and o.status = 'SUCCEEDED'""";

    private StageTimes() {
    }

    /** One line: p50 / p99 of each step, in ms. */
    static String of(Connection db, Collection<String> orderIds) throws SQLException {
        List<Long> planned = new ArrayList<>();
        List<Long> supplier = new ArrayList<>();
        List<Long> applied = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(STEPS)) {
            Array ids = db.createArrayOf("text", orderIds.toArray());
            query.setArray(1, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    planned.add(Math.round(rs.getDouble("planned")));
                    supplier.add(Math.round(rs.getDouble("supplier")));
                    applied.add(Math.round(rs.getDouble("applied")));
                }
            }
            ids.free();
        }
        Percentiles p = new Percentiles(planned);
        Percentiles s = new Percentiles(supplier);
        Percentiles a = new Percentiles(applied);
        return String.format(Locale.ROOT, "  steps, p50 / p99 over %d orders: accepted -> attempt planned %d / %d ms;"
                        + " planned -> supplier's callback in %d / %d ms; callback -> final %d / %d ms",
                planned.size(), p.at(50), p.at(99), s.at(50), s.at(99), a.at(50), a.at(99));
    }
}
