package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Reads finished attempts of every instance from the attempts table for the success model, by the snapshots of the
 * reader's rounds: the first round takes what its snapshot sees finished within the lookback, each later round what
 * the last round's snapshot did not see and its own does, so every finish is read once whenever its transaction
 * commits (channel_attempt.finish_xid, migration V16). Both read in pages, each after the last row of the one before.
 */
@ApplicationScoped
class FinishedAttempts {

    /** One finished attempt with the order's province, and where it sits in the reading order of its round. */
    record Row(String id, SuccessModel.Observation observation, String finishXid) {
    }

    private static final String COLUMNS = """
            a.id, a.channel_code, a.carrier, o.province, a.face_value, a.status = 'SUCCEEDED' as succeeded, a.finished_at,
            coalesce(a.latency_ms, extract(epoch from a.finished_at - a.started_at) * 1000)::bigint as latency_millis,
            a.finish_xid::text as finish_xid""";

    /**
     * Each channel's first {@code limit} (an index range scan of channel_attempt_health), then the first of all;
     * attempts finished before finish_xid was kept count as seen by every snapshot.
     */
    private static final String SEEN_BY = """
            select %s
            from channel c
            cross join lateral (
                select x.id, x.channel_code, x.carrier, x.order_id, x.face_value, x.status, x.finished_at, x.latency_ms,
                       x.started_at, x.finish_xid
                from channel_attempt x
                where x.channel_code = c.code and x.finished_at >= ? and (x.finished_at, x.id) > (?, ?)
                  and x.status in ('SUCCEEDED', 'FAILED')
                  and (x.finish_xid is null or pg_visible_in_snapshot(x.finish_xid, ?::pg_snapshot))
                order by x.finished_at, x.id
                limit ?
            ) a
            join topup_order o on o.id = a.order_id
            order by a.finished_at, a.id
            limit ?""".formatted(COLUMNS);

    /** An index range scan of channel_attempt_finish_xid from the cursor up to what the later snapshot could see. */
    private static final String COMMITTED_BETWEEN = """
            select %s
            from channel_attempt a
            join topup_order o on o.id = a.order_id
            where a.finish_xid >= ?::xid8 and a.finish_xid < pg_snapshot_xmax(?::pg_snapshot)
              and (a.finish_xid, a.id) > (?::xid8, ?)
              and not pg_visible_in_snapshot(a.finish_xid, ?::pg_snapshot)
              and pg_visible_in_snapshot(a.finish_xid, ?::pg_snapshot)
              and a.status in ('SUCCEEDED', 'FAILED')
            order by a.finish_xid, a.id
            limit ?""".formatted(COLUMNS);

    private final Sql sql;

    FinishedAttempts(Sql sql) {
        this.sql = sql;
    }

    /** The database's snapshot now, as text: what a round reads up to, and the next round reads from. */
    String snapshot() {
        return sql.queryText("select pg_current_snapshot()::text");
    }

    /**
     * Up to {@code limit} attempts that finished at or after {@code since} and that {@code snapshot} sees, in the
     * order they finished, after the attempt {@code afterId} finished at {@code afterFinished} (an id of "" for none).
     */
    List<Row> seenBy(String snapshot, Instant since, Instant afterFinished, String afterId, int limit) {
        return sql.query(SEEN_BY, FinishedAttempts::map, since, afterFinished, afterId, snapshot, limit, limit);
    }

    /**
     * Up to {@code limit} attempts whose finishing transactions {@code from} did not see and {@code until} does, in
     * the order of those transactions, after the attempt {@code afterId} of transaction {@code afterXid} (an id of ""
     * for the first of that transaction).
     */
    List<Row> committedBetween(String from, String until, String afterXid, String afterId, int limit) {
        return sql.query(COMMITTED_BETWEEN, FinishedAttempts::map, afterXid, until, afterXid, afterId, from, until,
                limit);
    }

    private static Row map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Row(row.getString("id"), new SuccessModel.Observation(row.getString("channel_code"),
                row.getString("carrier"), row.getString("province"), row.getLong("face_value"),
                row.getBoolean("succeeded"), Sql.instant(row, "finished_at"), row.getLong("latency_millis")),
                row.getString("finish_xid"));
    }
}
