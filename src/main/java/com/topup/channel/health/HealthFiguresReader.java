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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads every channel's figures, circuit and recent outcomes in two statements. The window's counts and latencies
 * come from the tallies each finish adds to ({@link OutcomeTallies}: rows per channel, carrier, 10-second slot,
 * latency class and stripe), so a refresh costs the same at any order rate, and a round reads only the slots that
 * may still change; the window starts at the slot that holds its start, so it reaches up to 10 s further back.
 * In-flight counts, today's usage, the circuit and the recent outcomes the breaker evaluates are read as they are.
 */
@ApplicationScoped
class HealthFiguresReader {

    private static final String CHANNELS = """
            with in_flight as (
                select channel_code, carrier, grouping(carrier) = 1 as whole_channel, count(*) as in_flight
                from channel_attempt
                where status in ('SUBMITTING', 'PROCESSING')
                group by grouping sets ((channel_code), (channel_code, carrier))
            )
            select c.code, null::text as carrier, c.daily_quota, coalesce(u.amount, 0) as used_today,
                   coalesce(f.in_flight, 0) as in_flight, %s, r.faults
            from channel c
            left join channel_circuit cc on cc.channel_code = c.code
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
            select f.channel_code, f.carrier, null, null, f.in_flight,
                   null, null, null, null, null, null, null, null, null, null
            from in_flight f where not f.whole_channel
            """.formatted(CircuitRows.COLUMNS, ChannelFaults.sqlCondition("a"));

    private final Sql sql;
    private final OutcomeTallies tallies;

    HealthFiguresReader(Sql sql, OutcomeTallies tallies) {
        this.sql = sql;
        this.tallies = tallies;
    }

    /**
     * @param windowStart       attempts finished before this are left out
     * @param now               today (UTC) of this instant is the day of the usage figures
     * @param evaluatedAttempts how many recent outcomes to read per channel
     * @param wholeWindow       read all the window's tallies again, not only those that may have changed
     */
    Reading read(Instant windowStart, Instant now, int evaluatedAttempts, boolean wholeWindow) {
        Map<String, Map<String, Tally>> tallies = new HashMap<>();
        List<OutcomeTallies.Row> rows = wholeWindow ? this.tallies.readAll(windowStart, now)
                : this.tallies.read(windowStart, now);
        for (OutcomeTallies.Row row : rows) {
            tallies.computeIfAbsent(row.channel(), c -> new HashMap<>()).computeIfAbsent(row.carrier(), c -> new Tally())
                    .add(row.latencyClass(), row.finished(), row.succeeded());
        }
        Map<String, Map<String, Integer>> carrierInFlight = new HashMap<>();
        List<ChannelRow> channels = new ArrayList<>();
        sql.query(CHANNELS, rs -> {
            String code = rs.getString("code");
            String carrier = rs.getString("carrier");
            if (carrier != null) {
                return carrierInFlight.computeIfAbsent(code, c -> new HashMap<>()).put(carrier, rs.getInt("in_flight"));
            }
            Tally whole = new Tally();
            tallies.getOrDefault(code, Map.of()).values().forEach(whole::addAll);
            return channels.add(new ChannelRow(code, whole.figures(rs.getInt("in_flight")), rs.getLong("used_today"),
                    Sql.nullableLong(rs, "daily_quota"), CircuitRows.read(rs, code), outcomes(rs.getArray("faults"))));
        }, LocalDate.ofInstant(now, ZoneOffset.UTC), windowStart, evaluatedAttempts);
        List<CarrierRow> carriers = new ArrayList<>();
        for (ChannelRow channel : channels) {
            Map<String, Tally> byCarrier = tallies.getOrDefault(channel.code(), Map.of());
            Map<String, Integer> inFlight = carrierInFlight.getOrDefault(channel.code(), Map.of());
            Set<String> seen = new TreeSet<>(byCarrier.keySet());
            seen.addAll(inFlight.keySet());
            for (String carrier : seen) {
                carriers.add(new CarrierRow(channel.code(), carrier, byCarrier.getOrDefault(carrier, new Tally())
                        .figures(inFlight.getOrDefault(carrier, 0))));
            }
        }
        return new Reading(channels, carriers);
    }

    /** Finished attempts, successes and latencies of one channel, or of one channel and carrier, over the window. */
    private static final class Tally {
        private long finished;
        private long succeeded;
        private final LatencyHistogram latencies = new LatencyHistogram();

        void add(int latencyClass, long finished, long succeeded) {
            this.finished += finished;
            this.succeeded += succeeded;
            latencies.add(latencyClass, finished);
        }

        void addAll(Tally other) {
            finished += other.finished;
            succeeded += other.succeeded;
            latencies.addAll(other.latencies);
        }

        Figures figures(int inFlight) {
            return new Figures(finished, succeeded, latencies.percentile(0.5), latencies.percentile(0.95), inFlight);
        }
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
