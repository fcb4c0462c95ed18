package com.topup.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * bin/chaos soak [minutes] [ordersPerSecond]: the steady load for that long on both instances; every minute each
 * instance's heap after GC, RSS, threads and open files, and the platform's database connections. Flat means the last
 * sample is within 25 % (threads +10, files +20, connections +10) of the highest of the first two after warm-up.
 */
final class SoakRun {

    private record Sample(int minute, List<ProcessFigures> apps, int connections) {
    }

    private SoakRun() {
    }

    static boolean run(ChaosStack stack, CallbackReceiver receiver, int minutes, double rate) throws Exception {
        stack.freshPlatform("soak");
        SimulatorControl simulator = new SimulatorControl(new Staff(stack.simulatorUrl(), stack.realmUrl()));
        simulator.reset(ChaosMain.SEED);
        simulator.withoutChargesOnFailure();
        List<Sample> samples = new ArrayList<>();
        try (OrderLoad load = new OrderLoad("soak", stack::instanceUrls, receiver.url(), rate, Duration.ofSeconds(60));
             Connection db = stack.openDatabase()) {
            load.start();
            System.out.println("minute  instance  heap-after-GC  RSS        threads  open-files  db-connections  orders-sent");
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(60_000);
                List<ProcessFigures> apps = stack.appPids().stream().map(ProcessFigures::of).toList();
                Sample sample = new Sample(minute, apps, connections(db));
                samples.add(sample);
                for (int i = 0; i < apps.size(); i++) {
                    ProcessFigures f = apps.get(i);
                    System.out.printf("%6d  app-%d     %9d KB  %7d KB  %7d  %10d  %14d  %11d%n", minute, i + 1,
                            f.heapAfterGcKb(), f.rssKb(), f.threads(), f.openFiles(), sample.connections(),
                            load.orders().size());
                }
            }
            load.stopAndDrain(Duration.ofSeconds(75));
        }
        return flat(samples);
    }

    private static int connections(Connection db) throws Exception {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where datname = current_database()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean flat(List<Sample> samples) {
        if (samples.size() < 4) {
            System.out.println("too short to judge flatness (4 minutes at least)");
            return true;
        }
        List<Sample> early = samples.subList(1, 3);
        Sample last = samples.get(samples.size() - 1);
        boolean flat = true;
        for (int i = 0; i < last.apps().size(); i++) {
            int app = i;
            long heap = early.stream().mapToLong(s -> s.apps().get(app).heapAfterGcKb()).max().orElseThrow();
            long rss = early.stream().mapToLong(s -> s.apps().get(app).rssKb()).max().orElseThrow();
            int threads = early.stream().mapToInt(s -> s.apps().get(app).threads()).max().orElseThrow();
            int files = early.stream().mapToInt(s -> s.apps().get(app).openFiles()).max().orElseThrow();
            ProcessFigures now = last.apps().get(app);
            flat &= check("app-" + (app + 1) + " heap after GC", now.heapAfterGcKb(), heap * 1.25);
            flat &= check("app-" + (app + 1) + " RSS", now.rssKb(), rss * 1.25);
            flat &= check("app-" + (app + 1) + " threads", now.threads(), threads + 10);
            flat &= check("app-" + (app + 1) + " open files", now.openFiles(), files + 20);
        }
        int connections = early.stream().mapToInt(Sample::connections).max().orElseThrow();
        flat &= check("database connections", last.connections(), connections + 10);
        return flat;
    }

    private static boolean check(String what, double value, double limit) {
        boolean holds = value <= limit;
        System.out.printf("%-28s %12.0f (limit %.0f)  %s%n", what, value, limit, holds ? "flat" : "GROWING");
        return holds;
    }
}
