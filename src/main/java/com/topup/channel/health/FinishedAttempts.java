package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads finished attempts of every instance from the attempts table, oldest first, for the success model. */
@ApplicationScoped
class FinishedAttempts {

    /** One finished attempt with the order's province. */
    record Row(String id, SuccessModel.Observation observation) {
    }

    /** Each channel's first {@code limit} (an index range scan of channel_attempt_health), then the first of all. */
    private static final String SINCE = """
            select a.id, a.channel_code, a.carrier, o.province, a.face_value, a.status = 'SUCCEEDED' as succeeded,
                   a.finished_at, coalesce(a.latency_ms, extract(epoch from a.finished_at - a.started_at) * 1000)::bigint
                       as latency_millis
            from channel c
            cross join lateral (
                select x.id, x.channel_code, x.carrier, x.order_id, x.face_value, x.status, x.finished_at, x.latency_ms,
                       x.started_at
                from channel_attempt x
                where x.channel_code = c.code and x.finished_at > ? and x.status in ('SUCCEEDED', 'FAILED')
                order by x.finished_at, x.id
                limit ?
            ) a
            join topup_order o on o.id = a.order_id
            order by a.finished_at, a.id
            limit ?""";

    private final Sql sql;

    FinishedAttempts(Sql sql) {
        this.sql = sql;
    }

    /** Up to {@code limit} attempts finished after {@code after}, in the order they finished. */
    List<Row> after(Instant after, int limit) {
        return sql.query(SINCE, row -> new Row(row.getString("id"), new SuccessModel.Observation(
                        row.getString("channel_code"), row.getString("carrier"), row.getString("province"),
                        row.getLong("face_value"), row.getBoolean("succeeded"), Sql.instant(row, "finished_at"),
                        row.getLong("latency_millis"))), after, limit, limit);
    }
}
