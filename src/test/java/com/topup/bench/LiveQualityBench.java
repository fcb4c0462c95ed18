package com.topup.bench;

import com.topup.devenv.LocalApp;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routing quality: the same order stream through the simulated suppliers three times, once per routing rule set
 * (seed rules, round robin, an oracle that knows the scenario's true odds), each on a fresh app and database with the
 * simulator reset to seed 42. Prints success rate, time to final state and channel cost per policy and the gap to the
 * oracle. Run with bin/bench quality-live [orders=2000] [ordersPerSecond=20].
 */
public final class LiveQualityBench {

    private static final long SEED = 42;
    private static final Duration FINAL_WITHIN = Duration.ofMinutes(12);
    private static final double REFERENCE_ROUND_ROBIN = 97.2;
    private static final double REFERENCE_SMART = 99.6;
    private static final double ORACLE_GAP_TARGET = 0.3;

    private LiveQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        List<PlannedOrder> stream = OrderStream.of(orders, SEED);
        QualityScenario scenario = new QualityScenario(orders / rate);

        System.out.printf("Routing quality: %d orders at %.0f orders/s (same stream, seed %d, for every policy)%n",
                orders, rate, SEED);
        System.out.println(MachineLine.now());
        System.out.println("Scenario (attempt success = (1 - 0.5 % rejected) x carrier rate; no lost, late or repeated callbacks):");
        scenario.describe().forEach(System.out::println);

        List<PolicyFigures> results = new ArrayList<>();
        try (BenchStack stack = BenchStack.start("quality-bench")) {
            for (String policy : List.of("seed", "round-robin", "oracle")) {
                results.add(runPolicy(stack, policy, scenario, stream, rate));
            }
        }
        new QualityReport(results, REFERENCE_ROUND_ROBIN, REFERENCE_SMART, ORACLE_GAP_TARGET).print(System.out);
    }

    private static PolicyFigures runPolicy(BenchStack stack, String name, QualityScenario scenario,
                                           List<PlannedOrder> stream, double rate) throws Exception {
        LocalApp app = stack.freshApp("quality-" + name);
        StaffClient staff = new StaffClient(app.url(), stack.realmUrl());
        RoutingVersions versions = new RoutingVersions(staff);
        RoutingPolicy policy = switch (name) {
            case "seed" -> {
                int active = versions.activeVersion();
                yield RoutingPolicies.seed(versions.drlOf(active), active);
            }
            case "round-robin" -> RoutingPolicies.roundRobin();
            default -> RoutingPolicies.oracle(scenario);
        };
        scenario.applyChannels(staff);
        staff.post("admin", "/admin/api/sim/reset", Map.of("seed", SEED), 200);
        int version = versions.publish(policy.drl(), "routing quality benchmark: " + policy.name());
        System.out.printf("%n[%s] routing v%d live: %s; load average %s%n", policy.name(), version, policy.description(),
                MachineLine.loadAverage());
        scenario.applyBehaviours(staff);

        OrderSubmitter.Submission submission = new OrderSubmitter(SignedMerchantClient.demo(app.url()))
                .paced(stream, "Q-" + name, rate);
        List<String> accepted = submission.accepted();
        System.out.printf("[%s] %d orders accepted in %.1f s%s%n", policy.name(), accepted.size(),
                Duration.between(submission.firstSent(), submission.lastAnswered()).toMillis() / 1000.0,
                submission.refusals().isEmpty() ? "" : "; refused " + submission.refusals());
        try (Connection db = stack.openDatabase()) {
            ProgressLine progress = new ProgressLine("[" + policy.name() + "] still open: ", Duration.ofSeconds(5));
            var done = new FinalStateWatch(db).await(accepted, FINAL_WITHIN, progress::report);
            if (done.size() < accepted.size()) {
                System.out.printf("[%s] %d orders not final after %s%n", policy.name(), accepted.size() - done.size(), FINAL_WITHIN);
            }
            System.out.print("[" + policy.name() + "] ");
            MoneyCheck.printAndRequire(db, accepted);
        }
        List<OrderOutcome> outcomes = new StaffOrderReader(staff).read(accepted);
        PolicyFigures figures = PolicyFigures.of(policy.name(), version, accepted.size(), outcomes);
        System.out.printf(Locale.ROOT, "[%s] success %.2f %%, mean %.0f ms, p95 %d ms; load average at the end %s%n",
                policy.name(), figures.successPercent(), figures.toFinal().mean(), figures.toFinal().at(95),
                MachineLine.loadAverage());
        return figures;
    }
}
