package com.topup.chaos;

import com.topup.bench.MachineLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bin/chaos [all|drill[,drill…]] [ordersPerSecond=10] [seconds=30]: each drill on a fresh database, {@code seconds} of steady
 * load before and after its fault; prints each drill's figures and a summary table; exits 1 when an invariant failed.
 */
public final class ChaosMain {

    static final long SEED = 20260611L;
    /** Merchant callbacks retried sooner than the product's 15 s, 1 min, 5 min … so a drill can wait for them. */
    static final Map<String, String> APP_SETTINGS = Map.of("topup.notify.retry-intervals", "5s,10s,20s,30s,60s");

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager();
        String which = args.length > 0 ? args[0] : "all";
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Duration around = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        if (which.equals("soak")) {
            soak(args.length > 1 ? Integer.parseInt(args[1]) : 30, args.length > 2 ? Double.parseDouble(args[2]) : 10);
            return;
        }
        Map<String, Drill> drills = Drills.all(Drills.Lengths.standard());
        List<Drill> chosen = which.equals("all") ? List.copyOf(drills.values()) : new ArrayList<>();
        for (String name : which.equals("all") ? new String[0] : which.split(",")) {
            if (!drills.containsKey(name)) {
                chosen = null;
                break;
            }
            chosen.add(drills.get(name));
        }
        if (chosen == null) {
            System.err.println("usage: bin/chaos [all|drill,drill…] [ordersPerSecond] [seconds]; drills: " + String.join(", ", drills.keySet())
                    + " | bin/chaos soak [minutes] [ordersPerSecond]");
            System.exit(2);
        }
        System.out.println(MachineLine.now());
        System.out.printf("Command: bin/chaos %s %s %d%n", which, rate, around.toSeconds());
        DrillRunner.Settings settings = new DrillRunner.Settings(rate, around, around, Duration.ofMinutes(4),
                Duration.ofSeconds(60), true, SEED, false);
        List<DrillReport> reports = new ArrayList<>();
        try (ChaosStack stack = ChaosStack.start("chaos", SEED, APP_SETTINGS);
             CallbackReceiver receiver = new CallbackReceiver()) {
            System.out.println("Logs: " + stack.logs());
            DrillRunner runner = new DrillRunner(stack, receiver, settings);
            for (Drill drill : chosen) {
                DrillReport report;
                try {
                    report = runner.run(drill);
                } catch (Exception | AssertionError e) {
                    report = new DrillReport(drill.name());
                    report.fail("the drill did not complete: " + e);
                    e.printStackTrace();
                }
                System.out.print(report.text());
                reports.add(report);
            }
        }
        System.out.println(SummaryTable.markdown(reports));
        boolean holds = reports.stream().allMatch(DrillReport::holds);
        System.out.println(holds ? "Every invariant held in every drill." : "INVARIANTS FAILED.");
        System.exit(holds ? 0 : 1);
    }

    private static void soak(int minutes, double rate) throws Exception {
        System.out.println(MachineLine.now());
        System.out.printf("Command: bin/chaos soak %d %s%n", minutes, rate);
        boolean flat;
        try (ChaosStack stack = ChaosStack.start("soak", SEED, APP_SETTINGS);
             CallbackReceiver receiver = new CallbackReceiver()) {
            System.out.println("Logs: " + stack.logs());
            flat = SoakRun.run(stack, receiver, minutes, rate);
        }
        System.out.println(flat ? "Flat: no figure grew." : "GROWING: see above.");
        System.exit(flat ? 0 : 1);
    }
}
