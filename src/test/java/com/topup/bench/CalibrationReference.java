package com.topup.bench;

import com.topup.channel.health.CalibrationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calibration statement as it was before the roll-up (migration V13): one statement over the attempts, an index
 * range scan per channel and grouping sets. The benchmark times it on the same table (the "before" figures) and
 * checks that the report read from the roll-up has exactly its figures for the same period.
 */
final class CalibrationReference {

    static final String FIGURES = """
            select c.code, grouping(a.carrier, a.band, a.win) as level, a.carrier, a.band, a.win, count(*) as attempts,
                   avg(a.predicted) as predicted, avg(a.ok) as observed
            from channel c
            cross join lateral (
                select x.carrier, x.predicted_success as predicted, case when x.status = 'SUCCEEDED' then 1.0 else 0.0 end::double precision as ok,
                       width_bucket(x.predicted_success, array[0.5, 0.7, 0.85, 0.9, 0.95, 0.98]::double precision[]) as band,
                       least(floor(extract(epoch from x.finished_at - ?::timestamptz) * 1000 / ?)::int, 11) as win
                from channel_attempt x
                where x.channel_code = c.code and x.finished_at >= ? and x.finished_at < ?
                  and x.status in ('SUCCEEDED', 'FAILED') and x.predicted_success is not null
            ) a
            where ?::text is null or c.code = ?
            group by grouping sets ((c.code), (c.code, a.band), (c.code, a.win), (c.code, a.carrier))
            order by c.code, level, a.band, a.win, a.carrier""";

    /** Lower edges of the bands above the first, as the statement numbers them. */
    private static final List<Double> EDGES = List.of(0.5, 0.7, 0.85, 0.9, 0.95, 0.98);

    private CalibrationReference() {
    }

    /** Runs the statement for [from, to) in 12 windows; returns its rows as {@link #flatten} does a report. */
    static Map<String, double[]> figures(Connection c, String channel, Instant from, Instant to) throws Exception {
        long windowMillis = Duration.between(from, to).toMillis() / 12;
        Map<String, double[]> figures = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(FIGURES)) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setLong(2, windowMillis);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            s.setString(5, channel);
            s.setString(6, channel);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String code = r.getString("code");
                    String key = switch (r.getInt("level")) {
                        case 0b111 -> code + " overall";
                        case 0b101 -> code + " band " + (r.getInt("band") == 0 ? 0.0 : EDGES.get(r.getInt("band") - 1));
                        case 0b110 -> code + " window " + from.plusMillis(r.getInt("win") * windowMillis);
                        case 0b011 -> code + " carrier " + r.getString("carrier");
                        default -> throw new IllegalStateException("grouping " + r.getInt("level"));
                    };
                    figures.put(key, new double[] {r.getLong("attempts"), r.getDouble("predicted"), r.getDouble("observed")});
                }
            }
        }
        return figures;
    }

    /** Every figure of the report under a key naming the channel and the group. */
    static Map<String, double[]> flatten(CalibrationReport report) {
        Map<String, double[]> figures = new TreeMap<>();
        for (CalibrationReport.ChannelCalibration ch : report.channels()) {
            String code = ch.channel();
            figures.put(code + " overall", of(ch.overall().attempts(), ch.overall().predicted(), ch.overall().observed()));
            ch.bands().forEach(b -> figures.put(code + " band " + b.from(), of(b.attempts(), b.predicted(), b.observed())));
            ch.windows().forEach(w -> figures.put(code + " window " + w.from(), of(w.attempts(), w.predicted(), w.observed())));
            ch.carriers().forEach(k -> figures.put(code + " carrier " + k.carrier(), of(k.attempts(), k.predicted(), k.observed())));
        }
        return figures;
    }

    /** Null when both hold the same groups with the same counts and means (to 1e-9); else the first difference. */
    static String difference(Map<String, double[]> expected, Map<String, double[]> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            return "groups differ: " + expected.keySet() + " against " + actual.keySet();
        }
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            double[] a = actual.get(e.getKey());
            double[] x = e.getValue();
            if (a[0] != x[0] || Math.abs(a[1] - x[1]) > 1e-9 || Math.abs(a[2] - x[2]) > 1e-9) {
                return e.getKey() + ": expected " + java.util.Arrays.toString(x) + ", got " + java.util.Arrays.toString(a);
            }
        }
        return null;
    }

    private static double[] of(long attempts, Double predicted, Double observed) {
        return new double[] {attempts, predicted, observed};
    }
}
