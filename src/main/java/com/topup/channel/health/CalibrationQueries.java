package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads predicted against observed success from the predictions the routing decisions recorded on the attempts. The
 * period ends at the next whole 5 minutes (UTC) and is cut into {@value #WINDOWS} windows; what the roll-up has
 * counted is read from its buckets (whole hours of a window from the hourly ones, the rest from the 5-minute ones,
 * {@link CalibrationSpans}), what finished after its mark from the attempts (a few minutes' worth, an index range
 * scan per channel of channel_attempt_health). Both in one snapshot, so nothing is counted twice or missed while a
 * roll commits.
 */
@ApplicationScoped
public class CalibrationQueries {

    /** The period is cut into this many windows of equal length. */
    static final int WINDOWS = 12;

    private static final String ROLLED = """
            select c.code, r.carrier, r.band, s.win, sum(r.attempts) as attempts, sum(r.succeeded) as succeeded,
                   sum(r.predicted_sum) as predicted_sum
            from channel c
            cross join unnest(?::bigint[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::bigint[])
                as s(grain, lo, hi, win)
            cross join lateral (
                select r.carrier, r.band, sum(r.attempts) as attempts, sum(r.succeeded) as succeeded,
                       sum(r.predicted_sum) as predicted_sum
                from channel_attempt_rollup r
                where r.grain_minutes = s.grain and r.channel_code = c.code and r.bucket >= s.lo and r.bucket < s.hi
                group by r.carrier, r.band
            ) r
            where ?::text is null or c.code = ?
            group by c.code, r.carrier, r.band, s.win""";

    private static final String RECENT = """
            select c.code, a.carrier, a.band, a.win, a.attempts, a.succeeded, a.predicted_sum
            from channel c
            cross join lateral (
                select x.carrier, channel_attempt_band(x.predicted_success) as band,
                       least(floor(date_part('epoch', x.finished_at - ?::timestamptz) * 1000 / ?)::int, %d) as win,
                       count(*) as attempts, count(*) filter (where x.status = 'SUCCEEDED') as succeeded,
                       sum(x.predicted_success) as predicted_sum
                from channel_attempt x
                where x.channel_code = c.code and x.finished_at >= ? and x.finished_at < ?
                  and x.status in ('SUCCEEDED', 'FAILED') and x.predicted_success is not null
                group by 1, 2, 3
            ) a
            where ?::text is null or c.code = ?""".formatted(WINDOWS - 1);

    private final Sql sql;
    private final HealthClock clock;

    public CalibrationQueries(Sql sql, HealthClock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * The attempts of one channel, or of every channel with {@code channel} null, finished in the {@code period} (a
     * whole number of hours) that ends at the next whole 5 minutes; channels without such attempts are absent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CalibrationReport read(String channel, Duration period) {
        if (period.isNegative() || period.isZero() || period.toMillis() % Duration.ofHours(1).toMillis() != 0) {
            throw new IllegalArgumentException("The period must be a whole number of hours: " + period);
        }
        Instant to = CalibrationRollup.ceil(clock.now(), CalibrationRollup.BUCKET);
        Instant from = to.minus(period);
        Duration window = period.dividedBy(WINDOWS);
        sql.update("set transaction isolation level repeatable read, read only");
        Instant rolledTo = sql.queryOne("select rolled_to from channel_attempt_rollup_state",
                row -> Sql.instant(row, "rolled_to")).orElse(null);
        CalibrationSpans.Plan plan = CalibrationSpans.plan(from, window, WINDOWS, rolledTo);
        CalibrationTally tally = new CalibrationTally();
        if (!plan.rolled().isEmpty()) {
            List<CalibrationSpans.Span> spans = plan.rolled();
            sql.query(ROLLED, CalibrationQueries::cell,
                    spans.stream().map(s -> (long) s.grainMinutes()).toArray(Long[]::new),
                    spans.stream().map(s -> s.from().toString()).toArray(String[]::new),
                    spans.stream().map(s -> s.to().toString()).toArray(String[]::new),
                    spans.stream().map(s -> (long) s.window()).toArray(Long[]::new),
                    channel, channel).forEach(tally::add);
        }
        if (plan.recentFrom().isBefore(to)) {
            sql.query(RECENT, CalibrationQueries::cell, from, window.toMillis(), plan.recentFrom(), to, channel, channel)
                    .forEach(tally::add);
        }
        return new CalibrationReport(from, to, (int) window.toMinutes(), tally.channels(from, window));
    }

    private static CalibrationTally.Cell cell(ResultSet r) throws SQLException {
        return new CalibrationTally.Cell(r.getString("code"), r.getString("carrier"), r.getInt("band"), r.getInt("win"),
                r.getLong("attempts"), r.getLong("succeeded"), r.getDouble("predicted_sum"));
    }
}
