package com.topup.bench;

import com.topup.rules.CompilationResult;
import com.topup.rules.DrlCompiler;
import com.topup.rules.RuleLimits;
import com.topup.rules.RuleSetRuntime;
import com.topup.rules.RuleVocabulary;
import com.topup.rules.SeedRules;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import com.topup.rules.model.RouteCandidate;
import com.topup.rules.model.RouteDecision;
import com.topup.rules.model.RuleRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Routing decisions per second with the seed routing rules that are live on a fresh database (the decision table on
 * each channel's predicted success, with exploration) and 10 channels, on one thread and on two, next to a
 * hand-written Java implementation of the same policy measured in the same run; the same for the earlier seed (routing
 * v1, scores and a weighted pick); also compile times. Channel facts are built per kind of order (carrier, province,
 * face-value band), as dispatch builds them, each with its own predictions, and reused while their figures do not
 * change. Run with bin/bench routing [seconds per measurement].
 */
public final class RoutingBench {

    private static final String[] CARRIERS = {"CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET"};
    private static final String[] PROVINCES = {"北京", "广东", "上海", "浙江", "四川", "江苏"};
    private static final int CHANNELS = 10;

    private RoutingBench() {
    }

    public static void main(String[] args) throws Exception {
        // outside the app nothing configures logging: keep the engine's debug logging from being formatted
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<OrderFact> orders = orders();
        Map<String, List<ChannelFact>> byKind = new HashMap<>();
        List<List<ChannelFact>> channelsOf = new ArrayList<>();
        for (OrderFact order : orders) {
            channelsOf.add(byKind.computeIfAbsent(kind(order), k -> channels(k)));
        }
        SeedRules seeds = SeedRules.of("routing").orElseThrow();
        try (DrlCompiler compiler = new DrlCompiler(RuleVocabulary::sandbox, 1, 120_000)) {
            long start = System.nanoTime();
            CompilationResult cold = compiler.compile("routing", seeds.current());
            double coldMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            CompilationResult current = compiler.compile("routing", seeds.current());
            double warmMillis = (System.nanoTime() - start) / 1e6;
            CompilationResult earlier = compiler.compile("routing", seeds.earlier().get(0));
            start = System.nanoTime();
            CompilationResult generated = compiler.compile("routing", generatedRules(500));
            double generatedMillis = (System.nanoTime() - start) / 1e6;
            if (!cold.succeeded() || !current.succeeded() || !earlier.succeeded() || !generated.succeeded()) {
                throw new IllegalStateException("compile failed: " + current.errors() + earlier.errors() + generated.errors());
            }
            System.out.printf("Routing benchmark: %d channels, %d kinds of order (carrier, province, face-value band), "
                            + "%d s per measurement, %d cores, Java %s%n", CHANNELS, byKind.size(), seconds,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("compile: seed rules %.0f ms cold, %.0f ms warm; 500 generated rules %.0f ms%n",
                    coldMillis, warmMillis, generatedMillis);

            try (RuleSetRuntime live = new RuleSetRuntime("routing", 2, current.kieBase(), new RuleLimits(10_000, 1_000)).warmUp();
                 RuleSetRuntime v1 = new RuleSetRuntime("routing", 1, earlier.kieBase(), new RuleLimits(10_000, 1_000)).warmUp()) {
                int n = orders.size();
                IntFunction<List<RouteCandidate>> liveDrl = i -> live.route(orders.get(i % n), channelsOf.get(i % n),
                        new RuleRandom(i)).ranked();
                IntFunction<List<RouteCandidate>> liveJava = i -> HandWrittenRouting.current(orders.get(i % n),
                        channelsOf.get(i % n), new RuleRandom(i));
                IntFunction<List<RouteCandidate>> v1Drl = i -> v1.route(orders.get(i % n), channelsOf.get(i % n),
                        new RuleRandom(i)).ranked();
                IntFunction<List<RouteCandidate>> v1Java = i -> HandWrittenRouting.earlier(orders.get(i % n),
                        channelsOf.get(i % n), new RuleRandom(i));
                System.out.printf("agreement with the hand-written policy over %,d decisions: current %s, v1 %s%n",
                        n * 10, agreement(liveDrl, liveJava, n * 10), agreement(v1Drl, v1Java, n * 10));
                for (int threads : new int[] {1, 2}) {
                    compare("current seed", liveDrl, liveJava, threads, seconds);
                }
                compare("v1 seed", v1Drl, v1Java, 1, seconds);
            }
        }
    }

    private static void compare(String name, IntFunction<List<RouteCandidate>> drl, IntFunction<List<RouteCandidate>> java,
                                int threads, int seconds) throws Exception {
        measure("warm-up DRL", drl, threads, 2);
        double rules = measure("DRL", drl, threads, seconds);
        measure("warm-up Java", java, threads, 2);
        double hand = measure("Java", java, threads, seconds);
        System.out.printf("%s, %d thread(s): DRL %,.0f decisions/s, hand-written Java %,.0f decisions/s, ratio %.3f%n",
                name, threads, rules, hand, rules / hand);
    }

    /** Share of decisions where the rules rank the same channels in the same order as the hand-written policy. */
    private static String agreement(IntFunction<List<RouteCandidate>> drl, IntFunction<List<RouteCandidate>> java, int count) {
        int same = 0;
        for (int i = 0; i < count; i++) {
            if (drl.apply(i).equals(java.apply(i))) {
                same++;
            }
        }
        return String.format("%d/%d", same, count);
    }

    private static double measure(String name, IntFunction<List<RouteCandidate>> decide, int threads, int seconds)
            throws Exception {
        LongAdder decisions = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 1_000_000;
            Thread worker = new Thread(() -> {
                int i = offset;
                long n = 0;
                while ((n & 255) != 0 || System.nanoTime() < end) {
                    if (decide.apply(i++) == null) {
                        throw new IllegalStateException("no decision");
                    }
                    n++;
                }
                decisions.add(n);
            }, name);
            workers.add(worker);
            worker.start();
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        return decisions.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static String kind(OrderFact order) {
        long band = order.getFaceValue() <= 3_000 ? 30 : order.getFaceValue() <= 10_000 ? 100 : 300;
        return order.getCarrier() + "|" + order.getProvince() + "|" + band;
    }

    /**
     * Ten channels as dispatch builds them for one kind of order: the same configuration and figures for every kind,
     * predictions of their own per kind (most channels predicted between 80 and 99 %, a few lower, confidence from
     * none to high); one channel with an open circuit, one half-open, one without quota, one at capacity.
     */
    private static List<ChannelFact> channels(String kind) {
        SplittableRandom random = new SplittableRandom(kind.hashCode());
        List<ChannelFact> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            Set<String> carriers = i < 2 ? Set.of(CARRIERS) : Set.of(CARRIERS[i % 4], CARRIERS[(i + 1) % 4]);
            Set<String> provinces = i % 3 == 0 ? Set.of(PROVINCES[i % PROVINCES.length]) : Set.of();
            double successRate = 0.90 + i * 0.009;
            double predicted = Math.min(0.995, Math.max(0.3, successRate - 0.15 + random.nextDouble() * 0.2));
            double confidence = i == 9 ? 0.05 : random.nextDouble();
            String circuit = i == 7 ? "OPEN" : i == 5 ? "HALF_OPEN" : "CLOSED";
            channels.add(new ChannelFact("CH" + i, carriers, provinces, Set.of(), 0.95 + i * 0.003, successRate,
                    150 + i * 90L, i == 4 ? 50 : i * 3, 50, circuit, i == 8 ? 0 : 100_000, predicted, confidence,
                    confidence * 40, 200 + i * 50L));
        }
        return List.copyOf(channels);
    }

    /** First attempts of 10 to 200 CNY a few seconds old, one in twenty an order that has waited over 30 s. */
    private static List<OrderFact> orders() {
        long[] faceValues = {1_000, 2_000, 3_000, 5_000, 10_000, 20_000};
        List<OrderFact> orders = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            long faceValue = faceValues[i % faceValues.length];
            orders.add(new OrderFact("T" + i, "m" + (i % 8), "STANDARD", CARRIERS[i % 4], PROVINCES[i % PROVINCES.length],
                    null, faceValue, faceValue * 985 / 1_000, i % 20 == 19 ? 2 : 1, i % 20 == 19 ? 31_000 : 100 + i % 5_000));
        }
        return orders;
    }

    static String generatedRules(int count) {
        StringBuilder drl = new StringBuilder("""
                package com.topup.rules.routing;
                import com.topup.rules.model.OrderFact;
                import com.topup.rules.model.ChannelFact;
                import com.topup.rules.model.RouteDecision;
                """);
        for (int i = 0; i < count; i++) {
            drl.append("rule \"generated ").append(i).append("\"\n")
                    .append("    when\n")
                    .append("        $o : OrderFact( faceValue == ").append(1_000 * (i % 50 + 1)).append(", province == \"")
                    .append(PROVINCES[i % PROVINCES.length]).append("\" )\n")
                    .append("        $c : ChannelFact( code == \"CH").append(i % 10).append("\", successRate > 0.").append(50 + i % 40).append(" )\n")
                    .append("        $d : RouteDecision()\n")
                    .append("    then\n")
                    .append("        $d.propose($c, ").append(i % 100).append(" / 100.0, \"generated ").append(i).append("\");\n")
                    .append("end\n");
        }
        return drl.toString();
    }

    /** The seed routing policies written directly in Java: the baseline of the ratio. */
    static final class HandWrittenRouting {

        /** The live seed (rules/routing.drl), rule by rule in the order the engine fires them. */
        static List<RouteCandidate> current(OrderFact order, List<ChannelFact> channels, RuleRandom random) {
            RouteDecision decision = new RouteDecision();
            excludeUnusable(channels, decision);
            for (ChannelFact c : channels) {
                if (c.supports(order) && c.getPredictedSuccess() >= 0.85) {
                    decision.propose(c, 2 + c.getPredictedSuccess() + 0.05 * (1 - c.getPredictionConfidence()) - c.getCostRate(),
                            "preferred: predicted success at least 85 %");
                }
            }
            for (ChannelFact c : channels) {
                if (c.supports(order) && c.getPredictedSuccess() >= 0.70 && c.getPredictedSuccess() < 0.85) {
                    decision.propose(c, 1 + c.getPredictedSuccess() + 0.05 * (1 - c.getPredictionConfidence()) - c.getCostRate(),
                            "usable: predicted success 70 to 85 %");
                }
            }
            if (order.getAgeMillis() >= 30_000) {
                for (ChannelFact c : channels) {
                    if (c.supports(order) && c.getPredictedSuccess() < 0.70) {
                        decision.propose(c, c.getPredictedSuccess() - c.getCostRate(),
                                "predicted below 70 %: tried after waiting 30 s");
                    }
                }
            }
            if (order.getAttempt() == 1 && order.getAgeMillis() < 30_000) {
                for (ChannelFact c : channels) {
                    if (c.supports(order) && "HALF_OPEN".equals(c.getCircuitState())) {
                        decision.propose(c, 10, "probe of a half-open circuit");
                    }
                }
                for (ChannelFact c : channels) {
                    if (c.supports(order) && c.getPredictionConfidence() < 0.5 && random.nextDouble() < 0.02) {
                        decision.propose(c, 10, "exploring: few recent attempts");
                    }
                }
                for (ChannelFact c : channels) {
                    if (c.supports(order) && c.getPredictedSuccess() < 0.70 && c.getPredictionConfidence() >= 0.5
                            && random.nextDouble() < 0.01) {
                        decision.propose(c, 10, "probing an avoided channel");
                    }
                }
            }
            return decision.getRanked();
        }

        /** The earlier seed (rules/earlier/routing-1.drl). */
        static List<RouteCandidate> earlier(OrderFact order, List<ChannelFact> channels, RuleRandom random) {
            RouteDecision decision = new RouteDecision();
            excludeUnusable(channels, decision);
            for (ChannelFact channel : channels) {
                if (channel.supports(order)) {
                    decision.propose(channel, 0.4 * channel.getLatencyScore() + 0.4 * channel.getSuccessRate()
                            + 0.2 * channel.getSpareCapacity(), "0.4 latency + 0.4 success rate + 0.2 spare capacity");
                }
            }
            decision.pickWeighted(random);
            return decision.getRanked();
        }

        private static void excludeUnusable(List<ChannelFact> channels, RouteDecision decision) {
            for (ChannelFact channel : channels) {
                if ("OPEN".equals(channel.getCircuitState())) {
                    decision.exclude(channel, "circuit open");
                }
                if (channel.getRemainingDailyQuota() <= 0) {
                    decision.exclude(channel, "daily quota used up");
                }
                if (channel.getInFlight() >= channel.getCapacity()) {
                    decision.exclude(channel, "no spare capacity");
                }
            }
        }
    }
}
