package com.topup.channel.health;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads predicted against observed success from the predictions the routing decisions recorded on the attempts, in
 * one statement: per channel, an index range scan of its attempts finished in the period (channel_attempt_health),
 * aggregated overall, by band, by window and by carrier with grouping sets.
 */
@ApplicationScoped
public class CalibrationQueries {

    /** The period is cut into this many windows of equal length. */
    static final int WINDOWS = 12;

    private static final String FIGURES = """
            select c.code, grouping(a.carrier, a.band, a.win) as level, a.carrier, a.band, a.win, count(*) as attempts,
                   avg(a.predicted) as predicted, avg(a.ok) as observed
            from channel c
            cross join lateral (
                select x.carrier, x.predicted_success as predicted, case when x.status = 'SUCCEEDED' then 1.0 else 0.0 end::double precision as ok,
                       %s as band,
                       least(floor(extract(epoch from x.finished_at - ?::timestamptz) * 1000 / ?)::int, %d) as win
                from channel_attempt x
                where x.channel_code = c.code and x.finished_at >= ? and x.finished_at < ?
                  and x.status in ('SUCCEEDED', 'FAILED') and x.predicted_success is not null
            ) a
            where ?::text is null or c.code = ?
            group by grouping sets ((c.code), (c.code, a.band), (c.code, a.win), (c.code, a.carrier))
            order by c.code, level, a.band, a.win, a.carrier""".formatted(PredictionBands.sqlBucket("x.predicted_success"),
            WINDOWS - 1);

    /** grouping(carrier, band, win): a bit set for each column aggregated away. */
    private static final int OVERALL = 0b111;
    private static final int BY_BAND = 0b101;
    private static final int BY_WINDOW = 0b110;
    private static final int BY_CARRIER = 0b011;

    private final Sql sql;
    private final HealthClock clock;

    public CalibrationQueries(Sql sql, HealthClock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * The attempts finished in the last {@code period} (a whole number of minutes, at least {@value #WINDOWS}) of one
     * channel, or of every channel with {@code channel} null; channels without such attempts are absent.
     */
    @Transactional
    public CalibrationReport read(String channel, Duration period) {
        Instant to = clock.now();
        Instant from = to.minus(period);
        long windowMillis = period.toMillis() / WINDOWS;
        List<Row> rows = sql.query(FIGURES, CalibrationQueries::row, from, windowMillis, from, to, channel, channel);
        Map<String, Builder> byChannel = new LinkedHashMap<>();
        for (Row row : rows) {
            Builder b = byChannel.computeIfAbsent(row.channel(), Builder::new);
            switch (row.level()) {
                case OVERALL -> b.overall = new CalibrationReport.Figures(row.attempts(), row.predicted(), row.observed());
                case BY_BAND -> b.bands.add(new CalibrationReport.Band(PredictionBands.from(row.band()),
                        PredictionBands.to(row.band()), row.attempts(), row.predicted(), row.observed()));
                case BY_WINDOW -> {
                    Instant start = from.plusMillis(row.window() * windowMillis);
                    b.windows.add(new CalibrationReport.Window(start, start.plusMillis(windowMillis), row.attempts(),
                            row.predicted(), row.observed()));
                }
                case BY_CARRIER -> b.carriers.add(new CalibrationReport.Carrier(row.carrier(), row.attempts(),
                        row.predicted(), row.observed()));
                default -> throw new IllegalStateException("unexpected grouping " + row.level());
            }
        }
        return new CalibrationReport(from, to, (int) (windowMillis / 60_000),
                byChannel.values().stream().map(Builder::build).toList());
    }

    /** One group: {@code level} says which of carrier, band and window it is grouped by (the others are null). */
    private record Row(String channel, int level, String carrier, int band, int window, long attempts, Double predicted,
                       Double observed) {
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString("code"), r.getInt("level"), r.getString("carrier"), r.getInt("band"), r.getInt("win"),
                r.getLong("attempts"), Sql.nullableDouble(r, "predicted"), Sql.nullableDouble(r, "observed"));
    }

    private static final class Builder {
        private final String channel;
        private CalibrationReport.Figures overall = new CalibrationReport.Figures(0, null, null);
        private final List<CalibrationReport.Band> bands = new ArrayList<>();
        private final List<CalibrationReport.Window> windows = new ArrayList<>();
        private final List<CalibrationReport.Carrier> carriers = new ArrayList<>();

        Builder(String channel) {
            this.channel = channel;
        }

        CalibrationReport.ChannelCalibration build() {
            return new CalibrationReport.ChannelCalibration(channel, overall, bands, windows, carriers);
        }
    }
}
