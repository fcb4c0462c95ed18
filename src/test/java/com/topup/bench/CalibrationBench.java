package com.topup.bench;

import com.topup.channel.dispatch.AttemptStore;
import com.topup.channel.health.CalibrationQueries;
import com.topup.channel.health.CalibrationReport;
import com.topup.channel.health.CalibrationRollup;
import com.topup.channel.health.ChannelHealthConfig;
import com.topup.channel.health.HealthClock;
import com.topup.common.db.Sql;
import com.topup.devenv.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The calibration report (GET /admin/api/channels/calibration) on a generated week of attempts (default 2,000,000;
 * {@link CalibrationData}) in a throwaway PostgreSQL with the app's schema: the statement before the roll-up
 * ({@link CalibrationReference}) against {@link CalibrationQueries} after the roll-up caught up, the same periods and
 * channels, with the plans, a check that both give the same figures, the roll-up's size and catch-up time, and what
 * its triggers add to the attempt writes ({@link AttemptWriteCost}). Run with bin/bench calibration [attempts].
 */
public final class CalibrationBench {

    private static final int ROUNDS = 30;
    private static final String ONE = "ch-03";

    private record Read(String label, String channel, int hours) {
    }

    private static final List<Read> READS = List.of(new Read("168 h, all channels", null, 168),
            new Read("24 h, all channels", null, 24), new Read("1 h, all channels", null, 1),
            new Read("168 h, one channel", ONE, 168), new Read("24 h, one channel", ONE, 24));

    private CalibrationBench() {
    }

    public static void main(String[] args) throws Exception {
        long wanted = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        try (LocalPostgres postgres = MigratedPostgres.start("calibration-bench");
             Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            long start = System.nanoTime();
            Instant end = Instant.now();
            long attempts = CalibrationData.generate(db, wanted, end);
            System.out.printf("Calibration benchmark: %,d attempts (10 channels, 4 carriers, 7 days) generated in %.0f s;"
                            + " %d cores, Java %s%n", attempts, (System.nanoTime() - start) / 1e9,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println("sizes: " + sizes(db, "channel_attempt", "channel_attempt_health"));

            int beforeRounds = attempts > 5_000_000 ? 1 : 3;
            System.out.printf("%nbefore: one statement over the attempts (lateral per channel on channel_attempt_health, "
                    + "grouping sets), median of %d%n", beforeRounds);
            for (Read read : READS) {
                Instant to = Instant.now();
                double ms = median(beforeRounds, () -> {
                    CalibrationReference.figures(db, read.channel(), to.minus(Duration.ofHours(read.hours())), to);
                    return null;
                });
                System.out.printf("  %-22s %10.1f ms%n", read.label(), ms);
            }

            db.setAutoCommit(false);
            ExplainRecorder recorder = new ExplainRecorder(db);
            Sql sql = new Sql(new OneConnection(recorder.connection()));
            // the roll stops 3–8 minutes before the generated week ends, as a live one does (2 minutes' lag, up to a
            // minute between rolls, up to 5 to the next bucket): what is read from the attempts themselves
            Duration tail = Duration.ofMinutes(3);
            CalibrationRollup rollup = new CalibrationRollup(sql, settings(Duration.between(end, Instant.now()).plus(tail)));
            start = System.nanoTime();
            int steps = 0;
            boolean more = true;
            while (more) {
                more = rollup.rollStep();
                db.commit();
                steps++;
            }
            System.out.printf("%nroll-up catch-up (8 days back, steps of 1 h, one transaction each): %.1f s in %d steps,"
                    + " rolled to %s, %d s before the data's end; %s%n", (System.nanoTime() - start) / 1e9, steps,
                    rollup.rolledTo(), Duration.between(rollup.rolledTo(), end).toSeconds(), rollupSize(db));
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze channel_attempt_rollup");
            }
            db.setAutoCommit(false);

            CalibrationQueries queries = new CalibrationQueries(sql, new HealthClock());
            System.out.printf("%nafter: the roll-up's buckets and the attempts since its mark, median of %d%n", ROUNDS);
            for (Read read : READS) {
                double ms = median(ROUNDS, () -> {
                    queries.read(read.channel(), Duration.ofHours(read.hours()));
                    db.commit();
                    return null;
                });
                System.out.printf("  %-22s %10.2f ms   %s%n", read.label(), ms, same(db, queries, read));
            }
            recorder.clear();
            queries.read(null, Duration.ofHours(168));
            db.commit();
            System.out.println("\nplans of the 168 h read, all channels (state, roll-up, attempts since the mark):");
            for (String plan : recorder.explain()) {
                System.out.println(plan.indent(4));
            }
            db.commit();

            db.setAutoCommit(true);
            AttemptWriteCost cost = new AttemptWriteCost(db, new AttemptStore(new Sql(new OneConnection(db)), null, null));
            print("attempt finishes (AttemptStore.finish, one transaction each)", cost.finishes(20, 1_000));
            print("late successes of counted attempts (AttemptStore.lateSuccess, the trigger corrects the counts)",
                    cost.corrections(20, 100));
            db.setAutoCommit(false);
            System.out.printf("%nafter the corrections: 168 h all channels %s; 168 h one channel %s%n",
                    same(db, queries, READS.get(0)), same(db, queries, READS.get(3)));
            db.commit();
        }
    }

    private static void print(String what, AttemptWriteCost.Figures f) {
        System.out.printf("%n%s, %,d per side in alternating blocks (medians of the blocks):%n", what, f.perSide());
        System.out.printf("  triggers on:  %7.1f µs per statement (wall), %7.1f µs in PostgreSQL%n", f.wallOn(), f.serverOn());
        System.out.printf("  triggers off: %7.1f µs per statement (wall), %7.1f µs in PostgreSQL%n", f.wallOff(), f.serverOff());
    }

    /** Whether the report has the old statement's figures for its own period. */
    private static String same(Connection db, CalibrationQueries queries, Read read) throws Exception {
        CalibrationReport report = queries.read(read.channel(), Duration.ofHours(read.hours()));
        db.commit();
        Map<String, double[]> expected = CalibrationReference.figures(db, read.channel(), report.from(), report.to());
        db.commit();
        String difference = CalibrationReference.difference(expected, CalibrationReference.flatten(report));
        return difference == null ? "same figures as before (" + expected.size() + " groups)" : "DIFFERENT: " + difference;
    }

    private static ChannelHealthConfig.Calibration settings(Duration lag) {
        return new ChannelHealthConfig.Calibration() {
            @Override
            public Duration rollInterval() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration lag() {
                return lag;
            }

            @Override
            public Duration step() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(8);
            }
        };
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double median(int rounds, Work work) throws Exception {
        work.run();
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[rounds / 2];
    }

    private static String sizes(Connection db, String... relations) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Statement s = db.createStatement()) {
            for (String relation : relations) {
                try (ResultSet r = s.executeQuery("select pg_size_pretty(pg_relation_size('" + relation + "'))")) {
                    r.next();
                    out.append(out.isEmpty() ? "" : ", ").append(relation).append(' ').append(r.getString(1));
                }
            }
        }
        return out.toString();
    }

    private static String rollupSize(Connection db) throws Exception {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*) filter (where grain_minutes = 5), count(*) filter (where grain_minutes = 60),
                            pg_size_pretty(pg_total_relation_size('channel_attempt_rollup'))
                     from channel_attempt_rollup""")) {
            r.next();
            return String.format("roll-up rows: %,d of 5 minutes, %,d hourly, %s with its index", r.getLong(1), r.getLong(2),
                    r.getString(3));
        }
    }
}
