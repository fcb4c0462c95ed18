package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads every channel's figures, circuit and recent outcomes in one statement: one row per channel (all
 * carriers) and one per channel and carrier with attempts. The window's figures are computed channel by channel, each
 * from an index range scan of channel_attempt_health (channel_code, finished_at): a range on finished_at alone walks
 * the whole index, or the table, however short the window.
 */
@ApplicationScoped
class HealthFiguresReader {

    private static final String FIGURES = """
            with window_figures as (
                select ch.code as channel_code, w.*
                from channel ch
                cross join lateral (
                    select x.carrier, grouping(x.carrier) = 1 as whole_channel, count(*) as finished,
                           count(*) filter (where x.status = 'SUCCEEDED') as succeeded,
                           percentile_cont(0.5) within group (order by x.latency) as p50,
                           percentile_cont(0.95) within group (order by x.latency) as p95
                    from (select a.carrier, a.status, coalesce(a.latency_ms,
                                 extract(epoch from a.finished_at - a.started_at) * 1000)::double precision as latency
                          from channel_attempt a
                          where a.channel_code = ch.code and a.finished_at >= ? and a.status in ('SUCCEEDED', 'FAILED')) x
                    group by grouping sets ((), (x.carrier))
                ) w
            ), in_flight as (
                select channel_code, carrier, grouping(carrier) = 1 as whole_channel, count(*) as in_flight
                from channel_attempt
                where status in ('SUBMITTING', 'PROCESSING')
                group by grouping sets ((channel_code), (channel_code, carrier))
            )
            select c.code, null::text as carrier, c.daily_quota, coalesce(u.amount, 0) as used_today,
                   coalesce(w.finished, 0) as finished, coalesce(w.succeeded, 0) as succeeded, w.p50, w.p95,
                   coalesce(f.in_flight, 0) as in_flight, %s, r.faults
            from channel c
            left join channel_circuit cc on cc.channel_code = c.code
            left join window_figures w on w.channel_code = c.code and w.whole_channel
            left join in_flight f on f.channel_code = c.code and f.whole_channel
            left join (select channel_code, sum(amount) as amount from channel_daily_usage where day = ?
                       group by channel_code) u on u.channel_code = c.code
            cross join lateral (
                select array_agg(x.fault order by x.finished_at desc) as faults
                from (select %s as fault, a.finished_at
                      from channel_attempt a
                      where a.channel_code = c.code and a.finished_at >= ? and a.status in ('SUCCEEDED', 'FAILED')
                        and (cc.counting_since is null or a.started_at >= cc.counting_since)
                      order by a.finished_at desc
                      limit ?) x
            ) r
            union all
            select coalesce(w.channel_code, f.channel_code), coalesce(w.carrier, f.carrier), null, null,
                   coalesce(w.finished, 0), coalesce(w.succeeded, 0), w.p50, w.p95, coalesce(f.in_flight, 0),
                   null, null, null, null, null, null, null, null, null, null
            from (select * from window_figures where not whole_channel) w
            full join (select * from in_flight where not whole_channel) f
                   on f.channel_code = w.channel_code and f.carrier = w.carrier
            """.formatted(CircuitRows.COLUMNS, ChannelFaults.sqlCondition("a"));

    private final Sql sql;

    HealthFiguresReader(Sql sql) {
        this.sql = sql;
    }

    /**
     * @param windowStart       attempts finished before this are left out
     * @param now               today (UTC) of this instant is the day of the usage figures
     * @param evaluatedAttempts how many recent outcomes to read per channel
     */
    Reading read(Instant windowStart, Instant now, int evaluatedAttempts) {
        List<ChannelRow> channels = new ArrayList<>();
        List<CarrierRow> carriers = new ArrayList<>();
        sql.query(FIGURES, rs -> {
            String code = rs.getString("code");
            Figures figures = new Figures(rs.getLong("finished"), rs.getLong("succeeded"), Sql.nullableDouble(rs, "p50"),
                    Sql.nullableDouble(rs, "p95"), rs.getInt("in_flight"));
            String carrier = rs.getString("carrier");
            if (carrier == null) {
                return channels.add(new ChannelRow(code, figures, rs.getLong("used_today"), Sql.nullableLong(rs, "daily_quota"),
                        CircuitRows.read(rs, code), outcomes(rs.getArray("faults"))));
            }
            return carriers.add(new CarrierRow(code, carrier, figures));
        }, windowStart, LocalDate.ofInstant(now, ZoneOffset.UTC), windowStart, evaluatedAttempts);
        return new Reading(channels, carriers);
    }

    private static RecentOutcomes outcomes(Array faults) throws SQLException {
        if (faults == null) {
            return RecentOutcomes.none();
        }
        return new RecentOutcomes(Arrays.asList((Boolean[]) faults.getArray()));
    }

    /** Figures over the window; latencies are null without finished attempts. */
    record Figures(long finished, long succeeded, Double latencyP50, Double latencyP95, int inFlight) {
    }

    record ChannelRow(String code, Figures figures, long usedToday, Long dailyQuota, CircuitRecord circuit,
                      RecentOutcomes recent) {
    }

    record CarrierRow(String code, String carrier, Figures figures) {
    }

    record Reading(List<ChannelRow> channels, List<CarrierRow> carriers) {
    }
}
