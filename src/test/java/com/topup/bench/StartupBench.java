package com.topup.bench;

import com.topup.devenv.LocalApp;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start to ready of the packaged app with PostgreSQL, Kafka and Keycloak already up, started as every benchmark and
 * bin/start start it: once on an empty database (migrations, seed data), then again and again on the migrated one, as a
 * restart or a rolling update does. For each start it prints Quarkus's own "started in" (the JVM until the HTTP server
 * listens), the time from launching the process until /q/health/ready answers 200 (every rule set loaded) and the CPU
 * the app used until then (a figure other work on a shared machine disturbs less than the wall time), then the memory
 * after the last start and after a minute of idling. Run with bin/bench startup [restarts=5].
 */
public final class StartupBench {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final long IDLE_MILLIS = 60_000;

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int restarts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("Start to ready: one start on an empty database, then " + restarts + " on the migrated one");
        System.out.println(MachineLine.now());
        try (BenchStack stack = BenchStack.start("startup-bench")) {
            LocalApp app = stack.freshApp("startup-0");
            print("start on an empty database", app);
            List<Double> startedIn = new ArrayList<>();
            List<Double> ready = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 1; i <= restarts; i++) {
                app = stack.restartApp("startup-" + i);
                print("restart " + i, app);
                startedIn.add(startedIn(app));
                ready.add(app.readyAfter().toMillis() / 1000.0);
                cpu.add(ProcessCpu.secondsOf(app.pid()));
            }
            System.out.printf(Locale.ROOT, "restarts: started in %s s, ready after launch %s s, app CPU until ready %s s"
                    + " (min / median / max)%n", spread(startedIn), spread(ready), spread(cpu));
            Thread.sleep(IDLE_MILLIS);
            System.out.printf("after %d s idle: app %s; rule workers %s%n", IDLE_MILLIS / 1000,
                    ProcessMemory.of(app.pid()), workers(app.pid()));
        }
    }

    private static void print(String what, LocalApp app) throws IOException {
        System.out.printf(Locale.ROOT, "%s: started in %.2f s, ready %.2f s after launch, %.2f s of CPU (%s); %s; load %s%n",
                what, startedIn(app), app.readyAfter().toMillis() / 1000.0, ProcessCpu.secondsOf(app.pid()),
                cpuByThreadKind(app.pid()), ProcessMemory.of(app.pid()), MachineLine.loadAverage());
    }

    private static String cpuByThreadKind(long pid) {
        StringBuilder kinds = new StringBuilder();
        ProcessCpu.byThreadKind(pid).forEach((kind, seconds) ->
                kinds.append(kinds.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f s", kind, seconds)));
        return kinds.toString();
    }

    private static double startedIn(LocalApp app) throws IOException {
        // the log file is appended to by every app of that name: the last start is this one
        Matcher m = STARTED_IN.matcher(Files.readString(app.logFile()));
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    private static String workers(long pid) {
        List<String> workers = ProcessHandle.of(pid).map(p -> p.children().map(c -> ProcessMemory.of(c.pid()).toString())
                .toList()).orElse(List.of());
        return workers.isEmpty() ? "none" : String.join("; ", workers);
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }
}
