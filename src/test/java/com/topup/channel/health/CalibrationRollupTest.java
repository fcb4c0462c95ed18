package com.topup.channel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.dispatch.AttemptStore;
import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calibration counts against the attempts they count: rolled by several callers at once, corrected when a counted
 * attempt changes (late success, an operator's decision, a time shift), and the report read from counts and recent
 * attempts together equal to the figures of the attempts themselves.
 */
@QuarkusTest
class CalibrationRollupTest {

    private static final double EPSILON = 1e-9;

    @Inject
    CalibrationRollup rollup;
    @Inject
    CalibrationQueries queries;
    @Inject
    AttemptStore attempts;
    @Inject
    Sql sql;
    @Inject
    DataSource dataSource;
    @Inject
    MerchantAccountService accounts;

    private HealthFixtures fixtures;

    /** A finished attempt as the test wrote it. */
    private record Finished(String id, String carrier, double predicted, boolean succeeded, Instant finishedAt) {
    }

    @BeforeEach
    void setUp() {
        fixtures = new HealthFixtures(sql, dataSource, accounts);
    }

    @Test
    void theDatabaseNumbersBandsAsPredictionBandsDoes() {
        Function<Double, Integer> band = p -> sql.queryLong("select channel_attempt_band(?)", p).intValue();
        assertEquals(0, band.apply(0.0));
        assertEquals(PredictionBands.EDGES.size(), band.apply(1.0));
        for (int i = 1; i <= PredictionBands.EDGES.size(); i++) {
            double edge = PredictionBands.from(i);
            assertEquals(i, band.apply(edge), "band from " + edge);
            assertEquals(i - 1, band.apply(edge - 1e-9), "band below " + edge);
            assertEquals(edge, PredictionBands.to(i - 1));
        }
    }

    @Test
    void rollsFromSeveralCallersAtOnceCountEveryAttemptOnce() throws Exception {
        String code = HealthFixtures.uniqueCode("roll");
        Instant now = Instant.now();
        fixtures.channel(code, null, now);
        for (int i = 0; i < 40; i++) {
            fixtures.predicted(code, i % 2 == 0 ? "CHINA_MOBILE" : "CHINA_UNICOM", i % 5 != 0, 0.6 + i * 0.01,
                    now.minus(Duration.ofMinutes(17L * i + 3)));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            sql.queryOne("select 1 from channel_attempt_rollup_state for update", row -> 1);
            sql.update("delete from channel_attempt_rollup");
            sql.update("update channel_attempt_rollup_state set rolled_to = null");
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> rolls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                rolls.add(pool.submit(() -> {
                    while (rollup.rollStep()) {
                        // each caller keeps rolling while it finds more due
                    }
                }));
            }
            for (Future<?> roll : rolls) {
                roll.get();
            }
        } finally {
            pool.shutdown();
        }
        while (rollup.rollStep()) {
            // a caller that found the row locked gave up its round; finish here
        }
        assertNotNull(rollup.rolledTo());
        assertEquals(0L, mismatches(), "the counts are those of the attempts they cover");
    }

    @Test
    void countedAttemptsThatChangeAreCorrectedAndTheReportMatchesTheAttempts() {
        String code = HealthFixtures.uniqueCode("cal");
        Instant now = Instant.now();
        fixtures.channel(code, null, now);
        List<Finished> expected = new ArrayList<>();
        String[] carriers = {"CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM"};
        for (int i = 0; i < 60; i++) {
            Instant finished = now.minus(Duration.ofMinutes(23L * i + 1)).minusMillis(i * 137L);
            double predicted = 0.45 + (i % 12) * 0.05 - (i % 3) * 0.001;
            String carrier = carriers[i % 3];
            boolean succeeded = i % 4 != 1;
            expected.add(new Finished(fixtures.predicted(code, carrier, succeeded, predicted, finished), carrier, predicted,
                    succeeded, finished));
        }
        fixtures.predicted(code, "CHINA_MOBILE", true, 0.9, null); // still open: not counted
        while (rollup.rollStep()) {
            // catch up, whatever the scheduled roll did already
        }
        assertReport(code, expected);

        Finished late = expected.stream().filter(f -> !f.succeeded() && f.finishedAt().isBefore(now.minusSeconds(3600)))
                .findFirst().orElseThrow();
        Finished declared = expected.stream().filter(f -> !f.succeeded() && f != late).findFirst().orElseThrow();
        Instant lateAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(attempts.lateSuccess(late.id(), "late", lateAt));
            assertTrue(attempts.declareSucceeded(declared.id(), "by hand", lateAt));
        });
        expected.set(expected.indexOf(late), new Finished(late.id(), late.carrier(), late.predicted(), true, lateAt));
        expected.set(expected.indexOf(declared), new Finished(declared.id(), declared.carrier(), declared.predicted(), true,
                declared.finishedAt()));
        assertReport(code, expected);
        assertEquals(0L, mismatches());

        sql.update("update channel_attempt set finished_at = finished_at - interval '3 hours' where channel_code = ?", code);
        expected.replaceAll(f -> new Finished(f.id(), f.carrier(), f.predicted(), f.succeeded(),
                f.finishedAt().minus(Duration.ofHours(3))));
        assertReport(code, expected);
        assertEquals(0L, mismatches());
    }

    /** The report of the channel's last 24 hours and last hour against the figures of {@code attempts}. */
    private void assertReport(String code, List<Finished> attempts) {
        for (int hours : new int[] {24, 1, 168}) {
            CalibrationReport report = queries.read(code, Duration.ofHours(hours));
            List<Finished> inside = attempts.stream()
                    .filter(a -> !a.finishedAt().isBefore(report.from()) && a.finishedAt().isBefore(report.to())).toList();
            assertEquals(Duration.ofHours(hours), Duration.between(report.from(), report.to()));
            if (inside.isEmpty()) {
                assertEquals(List.of(), report.channels());
                continue;
            }
            assertEquals(1, report.channels().size());
            Map<String, double[]> expected = expected(inside, report);
            Map<String, double[]> actual = actual(report.channels().get(0));
            assertEquals(expected.keySet(), actual.keySet(), hours + " hours: the groups");
            expected.forEach((group, figures) -> {
                double[] got = actual.get(group);
                assertEquals(figures[0], got[0], hours + " hours, " + group + ": attempts");
                assertEquals(figures[1], got[1], EPSILON, hours + " hours, " + group + ": predicted");
                assertEquals(figures[2], got[2], EPSILON, hours + " hours, " + group + ": observed");
            });
        }
    }

    private static Map<String, double[]> expected(List<Finished> attempts, CalibrationReport report) {
        Duration window = Duration.between(report.from(), report.to()).dividedBy(CalibrationQueries.WINDOWS);
        Map<String, List<Finished>> groups = new TreeMap<>();
        for (Finished a : attempts) {
            int band = 0;
            while (band < PredictionBands.EDGES.size() && a.predicted() >= PredictionBands.EDGES.get(band)) {
                band++;
            }
            long w = Duration.between(report.from(), a.finishedAt()).toMillis() / window.toMillis();
            for (String key : List.of("overall", "band " + PredictionBands.from(band),
                    "window " + report.from().plus(window.multipliedBy(w)), "carrier " + a.carrier())) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, double[]> figures = new TreeMap<>();
        groups.forEach((key, list) -> figures.put(key, new double[] {list.size(),
                list.stream().mapToDouble(Finished::predicted).average().orElseThrow(),
                list.stream().filter(Finished::succeeded).count() / (double) list.size()}));
        return figures;
    }

    private static Map<String, double[]> actual(CalibrationReport.ChannelCalibration channel) {
        Map<String, double[]> figures = new TreeMap<>();
        figures.put("overall", figures(channel.overall()));
        channel.bands().forEach(b -> figures.put("band " + b.from(), new double[] {b.attempts(), b.predicted(), b.observed()}));
        channel.windows().forEach(w -> figures.put("window " + w.from(), new double[] {w.attempts(), w.predicted(), w.observed()}));
        channel.carriers().forEach(c -> figures.put("carrier " + c.carrier(), new double[] {c.attempts(), c.predicted(), c.observed()}));
        return figures;
    }

    private static double[] figures(CalibrationReport.Figures f) {
        return new double[] {f.attempts(), f.predicted(), f.observed()};
    }

    /**
     * Buckets of both grains, in the week before the roll-up's mark, whose counts differ from those of the attempts
     * finished in them before the mark (0 when the roll-up is right).
     */
    private long mismatches() {
        return sql.queryLong("""
                with s as (
                    select rolled_to, date_bin('1 hour', rolled_to - interval '7 days', timestamptz '2000-01-01') as since
                    from channel_attempt_rollup_state
                ), counted as (
                    select g as grain_minutes, x.channel_code,
                           date_bin(make_interval(mins => g), x.finished_at, timestamptz '2000-01-01') as bucket, x.carrier,
                           channel_attempt_band(x.predicted_success) as band, count(*) as attempts,
                           count(*) filter (where x.status = 'SUCCEEDED') as succeeded, sum(x.predicted_success) as predicted_sum
                    from channel_attempt x cross join s cross join unnest(array[5, 60]) g
                    where x.finished_at >= s.since and x.finished_at < s.rolled_to
                      and x.status in ('SUCCEEDED', 'FAILED') and x.predicted_success is not null
                    group by 1, 2, 3, 4, 5
                ), rolled as (
                    select r.* from channel_attempt_rollup r cross join s where r.bucket >= s.since and r.bucket < s.rolled_to
                )
                select count(*) from counted c
                full join rolled r using (grain_minutes, channel_code, bucket, carrier, band)
                where c.attempts is distinct from r.attempts or c.succeeded is distinct from r.succeeded
                   or abs(coalesce(c.predicted_sum, 0) - coalesce(r.predicted_sum, 0)) > 1e-9""");
    }
}
