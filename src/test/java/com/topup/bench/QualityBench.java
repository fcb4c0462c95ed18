package com.topup.bench;

import com.topup.rules.CompilationResult;
import com.topup.rules.DrlCompiler;
import com.topup.rules.RuleLimits;
import com.topup.rules.RuleSetRuntime;
import com.topup.rules.RuleVocabulary;
import com.topup.rules.SeedRules;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Routing quality, replayed: four scenarios (the through-the-app scenario, a drift, a province outage, a new
 * channel), each with five policies (the earlier seed rules, the seed rules, the seed rules fed by a gradient-boosted
 * tree model instead of the success model, round robin, an oracle) over the same order stream in simulated time, with
 * the rules compiled and run as the platform runs them and the success model learning as it learns on an instance.
 * The seed and seed + GBT runs train both estimators side by side and score their predictions of every attempt.
 * Run with bin/bench quality [orders=6000] [ordersPerSecond=10] [no-gbt] [warmup=3000] [seed=42]
 * [change=20/0.0001/0.001] ({@code no-gbt}: without the boosted model; {@code warmup}: orders routed and learnt from
 * before the measured ones, 0 for a cold start; {@code seed}: the order stream and the fates; {@code change}: the
 * success model's change run, significance and spread significance, {@code change=0} without the change test).
 */
public final class QualityBench {

    private static final long SEED = 42;
    static final double FIRST_ATTEMPT_GAP = 1.0;
    static final double FINAL_SUCCESS = 99.6;
    static final double TIME_RATIO = 1.1;
    static final double COST_ABOVE_ROUND_ROBIN = 0.2;

    private QualityBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        boolean gbt = true;
        int warmup = 3000;
        long seed = SEED;
        for (int i = 2; i < args.length; i++) {
            if ("no-gbt".equals(args[i])) {
                gbt = false;
            } else if (args[i].startsWith("warmup=")) {
                warmup = Integer.parseInt(args[i].substring("warmup=".length()));
            } else if (args[i].startsWith("seed=")) {
                seed = Long.parseLong(args[i].substring("seed=".length()));
            } else if (args[i].startsWith("change=")) {
                String[] change = args[i].substring("change=".length()).split("/");
                ReplayEstimators.changeTest(Integer.parseInt(change[0]),
                        change.length > 1 ? Double.parseDouble(change[1]) : 0.0001,
                        change.length > 2 ? Double.parseDouble(change[2]) : 0.001);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]
                        + " (no-gbt, warmup=N, seed=N, change=RUN[/SIGNIFICANCE[/SPREAD]])");
            }
        }
        GbtSuccessModel.Settings gbtSettings = GbtSuccessModel.Settings.defaults();
        PrintStream out = System.out;
        List<ReplayOrder> stream = ReplayOrder.stream(warmup + orders, rate, seed);
        double runSeconds = orders / rate;
        out.printf(Locale.ROOT, "Routing quality, replayed: %d orders at %.0f orders/s (%.0f s of simulated time), seed %d%n",
                orders, rate, runSeconds, seed);
        out.println(MachineLine.now());
        out.println("Every policy meets the same fates: an order's draw on a channel (success and latency) comes from the"
                + " scenario seed, the order's position in the stream and the channel, never from an order id or the order"
                + " of events; whether the draw succeeds depends on the channel's true odds at the time of the attempt.");
        out.printf(Locale.ROOT, "Warm-up: every policy first routes %d orders (%.0f s) that the figures leave out, so the"
                + " models start from a record as an instance starts from its lookback; warmup=0 measures a cold start.%n",
                warmup, warmup / rate);
        out.println("Success model change test: " + ReplayEstimators.changeTest());
        if (gbt) {
            out.println("Boosted trees: XGBoost " + gbtSettings + "; features: " + GbtFeatures.DESCRIPTION);
        }
        PredictionReport predictions = new PredictionReport();
        long started = System.nanoTime();
        try (DrlCompiler compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 120_000)) {
            for (ReplayScenario scenario : ReplayScenario.all(runSeconds, warmup / rate)) {
                List<ReplayFigures> figures = new ArrayList<>();
                for (PolicyTexts texts : policies(gbt)) {
                    try (RuleSetRuntime routing = runtime(compiler, "routing", texts.routing());
                         RuleSetRuntime fallback = runtime(compiler, "fallback", texts.fallback())) {
                        ReplayPolicy policy = new ReplayPolicy(texts.name(), texts.description(), routing, fallback,
                                texts.predictions(), texts.scored());
                        boolean withGbt = policy.scored() || policy.predictions() == ReplayEstimators.Source.GBT;
                        PlatformReplay replay = new PlatformReplay(scenario, stream, seed, policy,
                                withGbt ? gbtSettings : null);
                        try (ReplayEstimators estimators = replay.estimators()) {
                            List<PlatformReplay.OrderRun> all = replay.run();
                            List<PlatformReplay.OrderRun> runs = all.subList(warmup, all.size());
                            figures.add(ReplayFigures.of(policy.name(), runs,
                                    replay.notice().describe("joins".equals(scenario.change().what())) + "; "
                                            + replay.notice().sentFirst(runs) + "; " + estimators.changes()));
                            predictions.add(policy.name(), estimators);
                        }
                    }
                }
                print(out, scenario, figures);
                predictions.printScenario(out);
            }
        }
        predictions.printOverall(out);
        out.printf(Locale.ROOT, "%nReplay took %.1f s of wall time; %s%n", (System.nanoTime() - started) / 1e9,
                MachineLine.loadAverage());
    }

    record PolicyTexts(String name, String description, String routing, String fallback,
                               ReplayEstimators.Source predictions, boolean scored) {
    }

    private static List<PolicyTexts> policies(boolean gbt) {
        SeedRules routing = SeedRules.of("routing").orElseThrow();
        SeedRules fallback = SeedRules.of("fallback").orElseThrow();
        String earlierFallback = fallback.earlier().get(0);
        List<PolicyTexts> policies = new ArrayList<>(List.of(
                new PolicyTexts("earlier seed", "routing v1 + fallback v1 of a fresh database", routing.earlier().get(0),
                        earlierFallback, ReplayEstimators.Source.SUCCESS_MODEL, false),
                new PolicyTexts("seed", "routing and fallback as seeded live", routing.current(), fallback.current(),
                        ReplayEstimators.Source.SUCCESS_MODEL, gbt)));
        if (gbt) {
            policies.add(new PolicyTexts(SEED_GBT, "the seed rules, predictedSuccess from the boosted trees",
                    routing.current(), fallback.current(), ReplayEstimators.Source.GBT, true));
        }
        policies.add(new PolicyTexts("round robin", "hash(order id + channel), fallback v1", RoutingPolicies.roundRobin().drl(),
                earlierFallback, ReplayEstimators.Source.SUCCESS_MODEL, false));
        policies.add(new PolicyTexts("oracle", "the true odds of the moment as predictedSuccess, best first, fallback v1",
                ORACLE, earlierFallback, ReplayEstimators.Source.TRUE_ODDS, false));
        return policies;
    }

    private static final String SEED_GBT = "seed + GBT";

    /** Ranks the usable channels by the true odds, which the replay puts where the prediction would be. */
    static final String ORACLE = """
            package com.topup.rules.routing;

            import com.topup.rules.model.OrderFact;
            import com.topup.rules.model.ChannelFact;
            import com.topup.rules.model.RouteDecision;
            import com.topup.rules.model.RuleRandom;

            global RouteDecision decision;
            global RuleRandom random;

            rule "Exclude channels whose circuit is open"
                salience 100
                when
                    $channel : ChannelFact( circuitState == "OPEN" )
                then
                    decision.exclude($channel, "circuit open");
            end

            rule "Exclude channels at capacity"
                salience 100
                when
                    $channel : ChannelFact( inFlight >= capacity )
                then
                    decision.exclude($channel, "no spare capacity");
            end

            rule "Oracle: best true odds first"
                when
                    $order : OrderFact()
                    $channel : ChannelFact( supports($order) )
                then
                    decision.propose($channel, $channel.getPredictedSuccess(), "true odds");
            end
            """;

    static RuleSetRuntime runtime(DrlCompiler compiler, String ruleSet, String drl) {
        CompilationResult compiled = compiler.compile(ruleSet, drl);
        if (!compiled.succeeded()) {
            throw new IllegalStateException(ruleSet + " does not compile: " + compiled.errors());
        }
        return new RuleSetRuntime(ruleSet, 1, compiled.kieBase(), new RuleLimits(10_000, 1_000));
    }

    private static void print(PrintStream out, ReplayScenario scenario, List<ReplayFigures> figures) {
        ReplayFigures oracle = find(figures, "oracle");
        ReplayFigures roundRobin = find(figures, "round robin");
        out.printf("%n== %s: %s%n", scenario.name(), scenario.description());
        out.println("policy        final %  1st attempt %  gap to oracle  attempts/order  mean ms  p95 ms  cost/face %  "
                + "review/open");
        for (ReplayFigures f : figures) {
            out.printf(Locale.ROOT, "%-12s %8.2f  %12.2f  %+13.2f  %14.3f  %7.0f  %6d  %11.3f  %d/%d%n", f.policy(),
                    f.successPercent(), f.firstAttemptPercent(), f.firstAttemptPercent() - oracle.firstAttemptPercent(),
                    f.meanAttempts(), f.toFinal().mean(), f.toFinal().at(95), f.costPercent(), f.review(), f.stillOpen());
        }
        for (ReplayFigures f : figures) {
            out.printf("%-12s first attempts %s%n", f.policy(), f.firstChannels());
        }
        for (ReplayFigures f : figures) {
            out.printf("%-12s %s: the model's prediction for the concerned orders went %s%n", f.policy(),
                    scenario.change().what(), f.notice());
        }
        for (ReplayFigures seed : figures) {
            if (seed.policy().equals("seed") || seed.policy().equals(SEED_GBT)) {
                printTargets(out, seed, oracle, roundRobin);
            }
        }
    }

    private static void printTargets(PrintStream out, ReplayFigures seed, ReplayFigures oracle, ReplayFigures roundRobin) {
        out.printf(Locale.ROOT, "targets for %s: first attempt within %.1f of the oracle %s (%+.2f); final >= %.1f %% %s"
                        + " (%.2f); mean time <= %.1f x oracle %s (%.2f); cost <= round robin + %.1f %s (%+.3f)%n",
                seed.policy(), FIRST_ATTEMPT_GAP, mark(oracle.firstAttemptPercent() - seed.firstAttemptPercent() <= FIRST_ATTEMPT_GAP),
                seed.firstAttemptPercent() - oracle.firstAttemptPercent(), FINAL_SUCCESS,
                mark(seed.successPercent() >= FINAL_SUCCESS), seed.successPercent(), TIME_RATIO,
                mark(seed.toFinal().mean() <= TIME_RATIO * oracle.toFinal().mean()),
                seed.toFinal().mean() / oracle.toFinal().mean(), COST_ABOVE_ROUND_ROBIN,
                mark(seed.costPercent() - roundRobin.costPercent() <= COST_ABOVE_ROUND_ROBIN),
                seed.costPercent() - roundRobin.costPercent());
    }

    private static String mark(boolean met) {
        return met ? "met" : "NOT MET";
    }

    private static ReplayFigures find(List<ReplayFigures> figures, String policy) {
        return figures.stream().filter(f -> f.policy().equals(policy)).findFirst().orElseThrow();
    }
}
