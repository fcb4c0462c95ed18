package com.topup.bench;

import com.topup.rules.DrlCompiler;
import com.topup.rules.RuleSetRuntime;
import com.topup.rules.RuleVocabulary;
import com.topup.rules.SeedRules;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which weights of the seed routing rules meet issue 13's targets: replays the four quality scenarios for variants of
 * the seed routing rules (cost weight, latency weight, decision-table thresholds substituted in the DRL text; seed
 * fallback rules unchanged) against round robin and the oracle over the same fates, and prints per variant and
 * scenario the first-attempt gap to the oracle, final success, mean time to final over the oracle's and cost above
 * round robin, then which variants meet every target on every scenario.
 * Run with bin/bench quality-frontier [orders=2000] [ordersPerSecond=10] [variant ...], a variant written
 * {@code wc=1.5,wl=0.05,prefer=0.85,avoid=0.70} (absent parts: the seed's); without variants, a grid of 16.
 */
public final class QualityFrontierBench {

    private static final long SEED = 42;

    private QualityFrontierBench() {
    }

    /** The grid: the seed, latency weights, lighter and heavier cost weights, and two other tables. */
    static List<RoutingVariant> grid() {
        return List.of("wc=1", "wc=1,wl=0.05", "wc=1,wl=0.1", "wc=1,wl=0.2", "wc=0", "wc=0,wl=0.1", "wc=0.5",
                        "wc=0.5,wl=0.05", "wc=1.5", "wc=2", "wc=2,wl=0.1", "wc=3", "wc=3,wl=0.2", "wc=5",
                        "prefer=0.95,avoid=0.90", "wc=2,wl=0.1,prefer=0.95,avoid=0.90")
                .stream().map(RoutingVariant::parse).toList();
    }

    /** One variant's figures on one scenario, relative to the oracle and round robin of the same fates. */
    record Row(RoutingVariant variant, String scenario, double firstAttemptGap, double finalSuccess, double timeRatio,
               double costAboveRoundRobin, double meanMillis, double costPercent) {

        boolean firstAttemptMet() {
            return firstAttemptGap >= -QualityBench.FIRST_ATTEMPT_GAP;
        }

        boolean finalMet() {
            return finalSuccess >= QualityBench.FINAL_SUCCESS;
        }

        boolean timeMet() {
            return timeRatio <= QualityBench.TIME_RATIO;
        }

        boolean costMet() {
            return costAboveRoundRobin <= QualityBench.COST_ABOVE_ROUND_ROBIN;
        }

        boolean allMet() {
            return firstAttemptMet() && finalMet() && timeMet() && costMet();
        }
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<String> options = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        int warmup = options.stream().filter(o -> o.startsWith("warmup=")).map(o -> Integer.parseInt(o.substring(7)))
                .reduce((a, b) -> b).orElse(3000);
        List<String> named = options.stream().filter(o -> !o.startsWith("warmup=")).toList();
        List<RoutingVariant> variants = named.isEmpty() ? grid() : named.stream().map(RoutingVariant::parse).toList();
        PrintStream out = System.out;
        List<ReplayOrder> stream = ReplayOrder.stream(warmup + orders, rate, SEED);
        double runSeconds = orders / rate;
        out.printf(Locale.ROOT, "Routing quality frontier, replayed: %d variants of the seed routing rules x 4 scenarios,"
                + " %d orders at %.0f orders/s (%.0f s of simulated time) per run, seed %d%n", variants.size(), orders,
                rate, runSeconds, SEED);
        if (orders < 6000) {
            out.printf(Locale.ROOT, "Fewer orders than the quality bench's 6000: the runs are shorter, the learning at the"
                    + " start weighs more and the figures are noisier; confirm a candidate with %d orders.%n", 6000);
        }
        out.printf(Locale.ROOT, "Warm-up: each run first routes %d orders that the figures leave out, as the quality bench"
                + " does (warmup=0 for a cold start).%n", warmup);
        out.println(MachineLine.now());
        out.println("Every variant meets the same fates as round robin and the oracle (drawn from the scenario seed, the"
                + " order's position and the channel); the variants use the success model and the seed fallback rules.");
        out.println("Variant: score within a band = band + predictedSuccess + 0.05 x (1 - confidence) - wc x costRate"
                + " - wl x expectedLatencyMillis / 1000; prefer/avoid thresholds 0.85/0.70 unless named.");
        SeedRules routing = SeedRules.of("routing").orElseThrow();
        SeedRules fallback = SeedRules.of("fallback").orElseThrow();
        String earlierFallback = fallback.earlier().get(0);
        List<Row> rows = new ArrayList<>();
        long started = System.nanoTime();
        try (DrlCompiler compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 120_000)) {
            for (ReplayScenario scenario : ReplayScenario.all(runSeconds, warmup / rate)) {
                ReplayFigures roundRobin = replay(compiler, scenario, stream, warmup, "round robin",
                        RoutingPolicies.roundRobin().drl(), earlierFallback, ReplayEstimators.Source.SUCCESS_MODEL);
                ReplayFigures oracle = replay(compiler, scenario, stream, warmup, "oracle", QualityBench.ORACLE,
                        earlierFallback, ReplayEstimators.Source.TRUE_ODDS);
                out.printf(Locale.ROOT, "%n== %s: %s%noracle: first attempt %.2f %%, mean %.0f ms, cost %.3f %%;"
                                + " round robin: first attempt %.2f %%, mean %.0f ms, cost %.3f %%%n", scenario.name(),
                        scenario.description(), oracle.firstAttemptPercent(), oracle.toFinal().mean(), oracle.costPercent(),
                        roundRobin.firstAttemptPercent(), roundRobin.toFinal().mean(), roundRobin.costPercent());
                out.println("variant                              1st gap  final %  time ratio  cost vs RR  mean ms  cost %  all met");
                for (RoutingVariant variant : variants) {
                    ReplayFigures f = replay(compiler, scenario, stream, warmup, variant.name(), variant.apply(routing.current()),
                            fallback.current(), ReplayEstimators.Source.SUCCESS_MODEL);
                    Row row = new Row(variant, scenario.name(), f.firstAttemptPercent() - oracle.firstAttemptPercent(),
                            f.successPercent(), f.toFinal().mean() / oracle.toFinal().mean(),
                            f.costPercent() - roundRobin.costPercent(), f.toFinal().mean(), f.costPercent());
                    rows.add(row);
                    out.printf(Locale.ROOT, "%-34s %s %s %s %s  %7.0f  %6.3f  %s%n", variant.name(),
                            flag(String.format(Locale.ROOT, "%+7.2f", row.firstAttemptGap()), row.firstAttemptMet()),
                            flag(String.format(Locale.ROOT, "%6.2f", row.finalSuccess()), row.finalMet()),
                            flag(String.format(Locale.ROOT, "%9.2f", row.timeRatio()), row.timeMet()),
                            flag(String.format(Locale.ROOT, "%+9.3f", row.costAboveRoundRobin()), row.costMet()),
                            row.meanMillis(), row.costPercent(), row.allMet() ? "yes" : "no");
                }
            }
        }
        printSummary(out, variants, rows);
        out.printf(Locale.ROOT, "%nFrontier took %.1f s of wall time; %s%n", (System.nanoTime() - started) / 1e9,
                MachineLine.loadAverage());
    }

    private static ReplayFigures replay(DrlCompiler compiler, ReplayScenario scenario, List<ReplayOrder> stream,
                                        int warmup, String name, String routingDrl, String fallbackDrl,
                                        ReplayEstimators.Source predictions) {
        try (RuleSetRuntime routing = QualityBench.runtime(compiler, "routing", routingDrl);
             RuleSetRuntime fallback = QualityBench.runtime(compiler, "fallback", fallbackDrl)) {
            ReplayPolicy policy = new ReplayPolicy(name, name, routing, fallback, predictions, false);
            PlatformReplay replay = new PlatformReplay(scenario, stream, SEED, policy, null);
            try (ReplayEstimators ignored = replay.estimators()) {
                List<PlatformReplay.OrderRun> all = replay.run();
                return ReplayFigures.of(name, all.subList(warmup, all.size()), "");
            }
        }
    }

    /** Per variant the worst scenario on each target, and which targets it misses. */
    private static void printSummary(PrintStream out, List<RoutingVariant> variants, List<Row> rows) {
        out.printf(Locale.ROOT, "%n== worst scenario per target (targets: 1st gap >= -%.1f, final >= %.1f %%, time ratio"
                        + " <= %.1f, cost vs RR <= +%.1f points; * = missed)%n", QualityBench.FIRST_ATTEMPT_GAP,
                QualityBench.FINAL_SUCCESS, QualityBench.TIME_RATIO, QualityBench.COST_ABOVE_ROUND_ROBIN);
        out.println("variant                              1st gap  final %  time ratio  cost vs RR  scenarios meeting all");
        Map<RoutingVariant, List<Row>> byVariant = new LinkedHashMap<>();
        for (Row row : rows) {
            byVariant.computeIfAbsent(row.variant(), v -> new ArrayList<>()).add(row);
        }
        List<RoutingVariant> meetingAll = new ArrayList<>();
        for (RoutingVariant variant : variants) {
            List<Row> of = byVariant.get(variant);
            double gap = of.stream().mapToDouble(Row::firstAttemptGap).min().orElseThrow();
            double fin = of.stream().mapToDouble(Row::finalSuccess).min().orElseThrow();
            double time = of.stream().mapToDouble(Row::timeRatio).max().orElseThrow();
            double cost = of.stream().mapToDouble(Row::costAboveRoundRobin).max().orElseThrow();
            long met = of.stream().filter(Row::allMet).count();
            if (met == of.size()) {
                meetingAll.add(variant);
            }
            out.printf(Locale.ROOT, "%-34s %s %s %s %s  %d of %d%n", variant.name(),
                    flag(String.format(Locale.ROOT, "%+7.2f", gap), gap >= -QualityBench.FIRST_ATTEMPT_GAP),
                    flag(String.format(Locale.ROOT, "%6.2f", fin), fin >= QualityBench.FINAL_SUCCESS),
                    flag(String.format(Locale.ROOT, "%9.2f", time), time <= QualityBench.TIME_RATIO),
                    flag(String.format(Locale.ROOT, "%+9.3f", cost), cost <= QualityBench.COST_ABOVE_ROUND_ROBIN),
                    met, of.size());
        }
        out.println(meetingAll.isEmpty() ? "No variant meets every target on every scenario."
                : "Meeting every target on every scenario: " + meetingAll.stream().map(RoutingVariant::name).toList());
    }

    private static String flag(String figure, boolean met) {
        return figure + (met ? " " : "*");
    }
}
