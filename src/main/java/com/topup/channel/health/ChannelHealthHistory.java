package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** A channel's figures over time (per minute and carrier) and its circuit's history, for the console's charts. */
@ApplicationScoped
public class ChannelHealthHistory {

    private final Sql sql;

    public ChannelHealthHistory(Sql sql) {
        this.sql = sql;
    }

    /** Attempts that finished in [from, to), per minute and carrier; minutes without attempts are absent. */
    @Transactional
    public List<MinuteFigures> perMinute(String channelCode, Instant from, Instant to) {
        return sql.query("""
                        select date_trunc('minute', finished_at) as minute_start, carrier, count(*) as finished,
                               count(*) filter (where status = 'SUCCEEDED') as succeeded,
                               percentile_cont(0.5) within group (order by latency_ms) as p50,
                               percentile_cont(0.95) within group (order by latency_ms) as p95
                        from channel_attempt
                        where channel_code = ? and finished_at >= ? and finished_at < ?
                        group by 1, 2 order by 1, 2""",
                row -> {
                    long finished = row.getLong("finished");
                    long succeeded = row.getLong("succeeded");
                    Double p50 = Sql.nullableDouble(row, "p50");
                    Double p95 = Sql.nullableDouble(row, "p95");
                    return new MinuteFigures(Sql.instant(row, "minute_start"), row.getString("carrier"), finished, succeeded,
                            finished == 0 ? null : (double) succeeded / finished, p50 == null ? null : Math.round(p50),
                            p95 == null ? null : Math.round(p95));
                },
                channelCode, Timestamp.from(from.truncatedTo(ChronoUnit.MINUTES)), Timestamp.from(to));
    }

    /** The circuit's changes of state, newest first. */
    @Transactional
    public List<CircuitChange> circuitChanges(String channelCode, int limit) {
        return sql.query("""
                        select at, from_state, to_state, reason, actor from channel_circuit_transition
                        where channel_code = ? order by at desc, id desc limit ?""",
                ChannelHealthHistory::change, channelCode, limit);
    }

    /** Since when the circuit is in its state, and why; empty for a channel whose circuit never changed. */
    @Transactional
    public Optional<CircuitChange> currentState(String channelCode) {
        return sql.queryOne("""
                        select changed_at as at, state as from_state, state as to_state, reason, 'system' as actor
                        from channel_circuit where channel_code = ?""",
                ChannelHealthHistory::change, channelCode);
    }

    /** Reads the columns {@code at, from_state, to_state, reason, actor}. */
    private static CircuitChange change(ResultSet row) throws SQLException {
        return new CircuitChange(Sql.instant(row, "at"), row.getString("from_state"), row.getString("to_state"),
                row.getString("reason"), row.getString("actor"));
    }

    public record MinuteFigures(Instant minute, String carrier, long finished, long succeeded, Double successRate,
                                Long latencyP50Millis, Long latencyP95Millis) {
    }

    public record CircuitChange(Instant at, String from, String to, String reason, String actor) {
    }
}
