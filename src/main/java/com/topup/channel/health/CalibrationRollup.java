package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts finished attempts with a recorded prediction into channel_attempt_rollup (5-minute and hourly buckets per
 * channel, carrier and band of predicted success), for {@link CalibrationQueries}. Each roll adds the attempts that
 * finished between the state row's {@code rolled_to} and a moment {@code lag} behind the database clock, then moves
 * {@code rolled_to} on, in one transaction holding the state row: instances roll one at a time and never count an
 * attempt twice. Attempts that change after they were counted are corrected by a trigger (migration V13).
 */
@ApplicationScoped
public class CalibrationRollup {

    /** The finer grain; rolls and the report's windows are aligned to it. */
    static final Duration BUCKET = Duration.ofMinutes(5);

    private static final String ADD = """
            insert into channel_attempt_rollup as r (grain_minutes, channel_code, bucket, carrier, band, attempts,
                                                     succeeded, predicted_sum)
            select a.grain, c.code, a.bucket, a.carrier, a.band, a.attempts, a.succeeded, a.predicted_sum
            from channel c
            cross join lateral (
                select g.minutes as grain,
                       date_bin(make_interval(mins => g.minutes), x.finished_at, timestamptz '2000-01-01 00:00:00+00')
                           as bucket,
                       x.carrier, channel_attempt_band(x.predicted_success) as band, count(*) as attempts,
                       count(*) filter (where x.status = 'SUCCEEDED') as succeeded, sum(x.predicted_success) as predicted_sum
                from channel_attempt x
                cross join (values (5), (60)) as g(minutes)
                where x.channel_code = c.code and x.finished_at >= ? and x.finished_at < ?
                  and x.status in ('SUCCEEDED', 'FAILED') and x.predicted_success is not null
                group by 1, 2, 3, 4
            ) a
            on conflict (grain_minutes, channel_code, bucket, carrier, band) do update
                set attempts = r.attempts + excluded.attempts, succeeded = r.succeeded + excluded.succeeded,
                    predicted_sum = r.predicted_sum + excluded.predicted_sum""";

    private final Sql sql;
    private final ChannelHealthConfig.Calibration config;

    @Inject
    CalibrationRollup(Sql sql, ChannelHealthConfig config) {
        this(sql, config.calibration());
    }

    public CalibrationRollup(Sql sql, ChannelHealthConfig.Calibration config) {
        this.sql = sql;
        this.config = config;
    }

    /** Where the counts stand and the database's time. */
    private record State(Instant rolledTo, Instant now) {
    }

    /**
     * Adds at most one {@code step} of finished attempts (the first roll starts {@code retention} back).
     *
     * @return whether more are due now; false too when another instance is rolling or a correction is being written
     */
    @Transactional
    public boolean rollStep() {
        Optional<State> state = sql.queryOne("""
                        select rolled_to, now() as db_now from channel_attempt_rollup_state for update skip locked""",
                row -> new State(Sql.instant(row, "rolled_to"), Sql.instant(row, "db_now")));
        if (state.isEmpty()) {
            return false;
        }
        Instant due = floor(state.get().now().minus(config.lag()), BUCKET);
        Instant from = state.get().rolledTo() != null ? state.get().rolledTo()
                : floor(state.get().now().minus(config.retention()), BUCKET);
        if (!due.isAfter(from)) {
            return false;
        }
        Instant to = floor(from.plus(config.step()), BUCKET);
        to = to.isAfter(from) && to.isBefore(due) ? to : due;
        sql.update(ADD, from, to);
        sql.update("update channel_attempt_rollup_state set rolled_to = ?", to);
        if (state.get().rolledTo() == null || !floor(from, Duration.ofHours(1)).equals(floor(to, Duration.ofHours(1)))) {
            sql.update("delete from channel_attempt_rollup where bucket < ?", state.get().now().minus(config.retention()));
        }
        return to.isBefore(due);
    }

    /** Every attempt with a prediction that finished before this instant is counted (null: none yet). */
    @Transactional
    public Instant rolledTo() {
        return sql.queryOne("select rolled_to from channel_attempt_rollup_state", row -> Sql.instant(row, "rolled_to"))
                .orElse(null);
    }

    /** The start of the {@code unit} (a whole number of minutes dividing a day) holding {@code t}, in UTC. */
    static Instant floor(Instant t, Duration unit) {
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), unit.toMillis()) * unit.toMillis());
    }

    /** The start of the next {@code unit} from {@code t}, or {@code t} when it is one. */
    static Instant ceil(Instant t, Duration unit) {
        Instant floor = floor(t, unit);
        return floor.equals(t) ? t : floor.plus(unit);
    }
}
